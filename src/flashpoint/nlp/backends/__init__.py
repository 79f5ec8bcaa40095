"""Optional model backends: each module offers an extractor with the built-in's signature,
selected by `FLASHPOINT_BACKENDS` and loaded only when configured."""
