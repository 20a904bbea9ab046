"""People, invitations and unit groups."""
