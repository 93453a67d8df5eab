"""Export: a briefing resolved once, then written as JSON, DOCX, PDF or HTML."""
