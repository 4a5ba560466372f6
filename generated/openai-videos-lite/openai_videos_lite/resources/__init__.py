"""The API's resources; each module is imported on first use through the client's properties."""
