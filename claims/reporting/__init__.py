"""Report: ``build`` makes the report data (the JSON contract); ``render`` turns it into HTML."""
