"""The app's screens: article list, reader, and the modals (help, attributes, error)."""
