"""Scheduled activities: ASN trainings and public citizen forums, invitations, reminders,
attendance, JP hours and the training budget."""
