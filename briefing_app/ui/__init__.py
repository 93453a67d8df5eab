"""The PySide6 desktop application: main window, panes, item models and background work."""
