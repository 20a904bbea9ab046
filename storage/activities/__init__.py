"""Activities, invitations, reminders and JP credits."""
