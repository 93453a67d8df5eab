"""Charts: parse a chart spec's data, draw it with pyqtgraph, export PNG/SVG, show it live."""
