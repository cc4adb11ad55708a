"""Workshop content shipped with the app: the default picture-card deck and image checks."""
