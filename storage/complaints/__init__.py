"""Complaints, their timeline, deadline checks and reply prompts."""
