"""Complaints: intake, routing, deadlines, staff actions, the citizen's follow-up, alerts and views.

Pure rules (``rules``, ``routing``, ``access``), how a complaint looks (``render``, ``keyboards``,
``callbacks``, ``texts_*``) and the services that change it, one module per use case."""
