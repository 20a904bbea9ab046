"""Texts about delivery problems, shown to admins."""

ID: dict[str, str] = {
    "delivery.unreachable_person": "Pesan untuk {name} tidak terkirim: {reason}.",
}

EN: dict[str, str] = {
    "delivery.unreachable_person": "A message for {name} could not be delivered: {reason}.",
}
