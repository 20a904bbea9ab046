"""The SKM satisfaction survey (PermenPANRB 14/2017) and its index, the IKM."""
