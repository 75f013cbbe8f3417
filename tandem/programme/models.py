"""Training records and visit targets for the pathway programme."""
