"""The report: one model, rendered as Markdown and HTML, with plots and finding changes."""
