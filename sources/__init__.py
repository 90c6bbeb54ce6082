"""Reading reports: decoding, readers per format, footnotes, references, sentences."""
