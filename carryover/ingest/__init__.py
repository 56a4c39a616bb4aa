"""Raw files in: finding them, reading CSV records, normalising values."""
