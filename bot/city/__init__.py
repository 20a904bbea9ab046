"""The city level: one bot for the supervisors of a city, reading every office's figures."""
