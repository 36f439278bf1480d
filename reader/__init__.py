"""Arabic Reader."""
