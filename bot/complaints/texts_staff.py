"""Complaint texts for staff and supervisors: alerts, prompts, reminders, escalations."""

ID: dict[str, str] = {
    "cmd.antrian": "Antrean pengaduan unit Anda",
    "cmd.tiket": "Riwayat lengkap pengaduan dengan lampirannya (nomor)",
    "help.group_replies": (
        "\n<i>Balas (reply) pesan pengaduan untuk menjawab warga atas nama unit; awali dengan "
        "#catatan untuk catatan internal. Balasan yang hanya emoji atau kurang dari tiga kata "
        "(👍, ok, siap) tidak langsung dikirim: bot bertanya dulu, kirim ke warga atau simpan "
        "sebagai catatan internal.</i>"
    ),
    "alert.body": (
        "{icon} <b>Pengaduan {number}</b>\n"
        "<b>Kategori:</b> {category}\n"
        "<b>Kelurahan:</b> {kelurahan}\n"
        "<b>Pelapor:</b> {reporter}\n"
        "<b>Unit:</b> {unit}\n"
        "<b>Status:</b> {status}{assignee}\n"
        "{deadlines}\n\n"
        "{description}"
        "{extras}"
    ),
    "alert.assignee": " · <b>PJ:</b> {name}",
    "alert.deadlines": "<b>Batas tanggapan:</b> {ack_due}\n<b>Batas penyelesaian:</b> {resolve_due}",
    "alert.deadline_resolve": "<b>Batas penyelesaian:</b> {resolve_due}",
    "alert.deadline_reopened": (
        "<b>Dibuka kembali</b> oleh warga · <b>batas penyelesaian baru:</b> {resolve_due}"
    ),
    "alert.deadlines_paused": "<b>Tenggat berhenti:</b> menunggu jawaban warga",
    "alert.deadlines_resolved": "<b>Diselesaikan:</b> {resolved}",
    "alert.deadlines_withdrawn": "<b>Ditarik pelapor:</b> {withdrawn}",
    "alert.evidence": "\n\n📎 Lampiran: {files} berkas{location} (di bawah pesan ini)",
    "alert.location": ", 1 lokasi",
    "alert.rating": "\n⭐ Penilaian warga: {rating}/5{comment}",
    "alert.rating_comment": " — “{comment}”",
    "alert.moved": "\n\n↪️ Dialihkan ke {unit}.",
    "alert.moved_from": "\n\n↪️ Dialihkan dari {unit}: {reason}",
    "alert.conduct": "\n\n👤 Pengaduan tentang perilaku petugas unit {unit}; unit itu tidak menerimanya.",
    "alert.unbound": (
        "\n\n⚠️ {unit} belum punya grup Telegram, jadi pengaduan ini dikirim ke pimpinan "
        "(atau admin, selama belum ada pimpinan). Admin: tambahkan bot ke grup unit lalu kirim /grup_unit {code}."
    ),
    "alert.whole_description": "📄 <b>Uraian lengkap {number}</b>\n\n{description}",
    "alert.hint": (
        "\n\n<i>Balas (reply) pesan ini untuk menjawab warga; awali dengan #catatan untuk "
        "catatan internal.</i>"
    ),
    "alert.reporter_hidden": "Dirahasiakan",
    "alert.unknown_kelurahan": "tidak diketahui",
    "alert.icon.new": "🆕",
    "alert.icon.open": "📌",
    "alert.icon.done": "✅",
    "alert.icon.withdrawn": "↩️",
    "btn.accept": "✅ Terima",
    "btn.ask": "❓ Minta Info",
    "btn.move": "↪️ Alihkan",
    "btn.resolve": "🏁 Selesai",
    "btn.brief_send": "✉️ Kirim ke warga",
    "btn.brief_note": "📝 Catatan internal",
    "btn.cancel": "Batal",
    "grp.accepted": "Anda penanggung jawab {number}.",
    "grp.ask_prompt": "{name}, tulis pertanyaan untuk warga tentang {number} (balas pesan ini):",
    "grp.resolve_prompt": (
        "{name}, tulis catatan penyelesaian {number}, minimal {min} karakter (balas pesan ini):"
    ),
    "grp.move_choose": "Alihkan {number} ke unit mana?",
    "grp.move_prompt": "{name}, tulis alasan pengalihan {number} ke {unit} (balas pesan ini):",
    "grp.too_short": (
        "Terlalu pendek ({length} karakter; minimal {min}). Balas lagi pesan bot yang meminta "
        "{what} {number}, dengan teks yang lebih lengkap."
    ),
    "grp.what.ask": "pertanyaan untuk warga tentang",
    "grp.what.resolve": "catatan penyelesaian",
    "grp.what.reassign": "alasan pengalihan",
    "grp.reply_sent": "✉️ Jawaban {number} terkirim ke warga.",
    "grp.unknown_message": (
        "Balasan ke pesan bot ini tidak diproses: pesan ini tidak menunggu jawaban. Untuk "
        "menjawab warga, balas (reply) pesan pengaduannya; riwayatnya: /tiket NOMOR."
    ),
    "grp.prompt_answered": (
        "Permintaan untuk {number} ini sudah dijawab sebelumnya; balasan ini tidak diproses. "
        "Untuk menjawab warga, balas (reply) pesan pengaduannya."
    ),
    "grp.reply_unreachable": (
        "⚠️ Jawaban {number} tersimpan, tetapi warga tidak dapat dihubungi (bot diblokir). "
        "Warga akan melihatnya di /status bila kembali; pertimbangkan menghubunginya lewat "
        "jalur lain."
    ),
    "grp.question_unreachable": (
        "⚠️ Pertanyaan {number} tersimpan, tetapi warga tidak dapat dihubungi (bot diblokir); "
        "tenggat berhenti sampai warga menjawab. Pertimbangkan menghubunginya lewat jalur lain."
    ),
    "grp.note_saved": "📝 Catatan internal {number} disimpan.",
    "grp.brief_ask": (
        "✋ {name}, balasan singkat ini <b>belum dikirim</b> ke warga. Kirim sebagai jawaban "
        "{unit} untuk {number}, atau simpan sebagai catatan internal?"
    ),
    "grp.brief_sent": "✉️ Balasan singkat dikirim ke warga sebagai jawaban {number} ({name}).",
    "grp.brief_noted": "📝 Balasan singkat disimpan sebagai catatan internal {number} ({name}).",
    "grp.brief_decided": "Balasan ini sudah dikirim atau disimpan sebelumnya.",
    "grp.question_sent": "❓ Pertanyaan terkirim ke warga; tenggat {number} berhenti sampai warga menjawab.",
    "grp.moved": "↪️ {number} dialihkan ke {unit}.",
    "grp.resolved": "🏁 {number} selesai; warga diminta menilai.",
    "grp.cancelled": "Dibatalkan.",
    "grp.invalid_state": "Tindakan ini tidak berlaku: status {number} saat ini {status}.",
    "grp.moved_away": ("{number} sudah dialihkan ke {unit}; unit itu yang menanganinya sekarang."),
    "grp.text_only": "Mohon balas dengan teks (atau foto/dokumen dengan keterangan).",
    "grp.text_or_file": "Mohon balas dengan teks, foto, atau dokumen.",
    "grp.citizen_answer": "💬 <b>Jawaban warga</b> untuk {number}:\n\n{body}",
    "grp.citizen_message": "💬 <b>Pesan warga</b> untuk {number}:\n\n{body}",
    "grp.citizen_answer_file": "📎 <b>Jawaban warga</b> untuk {number} (berkas).",
    "grp.citizen_answer_file_text": "📎 <b>Jawaban warga</b> untuk {number}:\n\n{body}",
    "grp.citizen_message_file": "📎 <b>Pesan warga</b> untuk {number} (berkas).",
    "grp.citizen_message_file_text": "📎 <b>Pesan warga</b> untuk {number}:\n\n{body}",
    "grp.reopened": "🔁 <b>{number} dibuka kembali</b>: menurut warga masalahnya belum selesai.",
    "grp.rated": "⭐ Warga menilai {number}: {rating}/5{comment}",
    "grp.reminder.ack_warn": (
        "⏰ <b>Pengingat</b>: {number} belum diterima. Batas tanggapan {due} (sisa {left})."
    ),
    "grp.reminder.resolve_warn": (
        "⏰ <b>Pengingat</b>: {number} belum selesai. Batas penyelesaian {due} (sisa {left})."
    ),
    "grp.reminder.ack_warn_late": (
        "⏰ <b>Pengingat</b>: {number} belum diterima. Batas tanggapan {due} sudah lewat."
    ),
    "grp.reminder.resolve_warn_late": (
        "⏰ <b>Pengingat</b>: {number} belum selesai. Batas penyelesaian {due} sudah lewat."
    ),
    "esc.ack_breach": (
        "🚨 <b>Eskalasi</b>: pengaduan {number} ({unit}) melewati batas tanggapan {due} dan "
        "belum diterima."
    ),
    "esc.resolve_breach": (
        "🚨 <b>Eskalasi</b>: pengaduan {number} ({unit}) melewati batas penyelesaian {due}."
    ),
    "sup.reopened": "🔁 Pengaduan {number} ({unit}) dibuka kembali oleh warga: belum selesai.",
    "sup.low_rating": "⚠️ Pengaduan {number} ({unit}) dinilai {rating}/5 oleh warga.{comment}",
    "queue.title": "<b>Antrean {scope}</b> — {count} pengaduan terbuka",
    "queue.all_units": "semua unit",
    "queue.line": "{flag} <b>{number}</b> · {status} · {category}\n   batas: {due}{late}",
    "queue.late": " · <b>terlambat {late}</b>",
    "queue.empty": "Tidak ada pengaduan terbuka. 👍",
    "queue.open_button": "{number}",
    "ticket.usage": "Cara pakai: <code>/tiket {example}</code>",
    "staff.elsewhere": (
        "Perintah /{command} hanya dijawab di chat pribadi dengan bot atau di grup unit yang "
        "menangani pengaduannya, agar data pengaduan tidak terbaca di grup lain. Tekan "
        "tombol di bawah, lalu kirim /{command} di sana."
    ),
    "staff.elsewhere_alert": "Buka pengaduan ini di chat pribadi dengan bot.",
    "ticket.title": "<b>Riwayat lengkap {number}</b>",
    "ticket.line": "• {when} — {who}: {what}",
    "ticket.system": "sistem",
    "ticket.reporter": "pelapor",
    "ticket.reporter_named": "pelapor ({name})",
    "ticket.event.created": "membuat pengaduan",
    "ticket.event.accepted": "menerima",
    "ticket.event.public_reply": "menjawab warga: {body}",
    "ticket.event.internal_note": "catatan internal: {body}",
    "ticket.event.info_requested": "meminta info: {body}",
    "ticket.event.citizen_answer": "menjawab: {body}",
    "ticket.event.citizen_message": "mengirim pesan: {body}",
    "ticket.event.reassigned": "mengalihkan ke {unit}: {body}",
    "ticket.event.resolved": "menyelesaikan: {body}",
    "ticket.event.reopened": "membuka kembali",
    "ticket.event.closed": "menutup",
    "ticket.event.rated": "menilai {rating}/5",
    "ticket.event.rating_comment": "berkomentar: {body}",
    "ticket.event.reminder": "pengingat: {check}",
    "ticket.event.escalated": "eskalasi: {check}",
    "ticket.check.ack_warn": "batas tanggapan hampir tiba",
    "ticket.check.resolve_warn": "batas penyelesaian hampir tiba",
    "ticket.check.ack_breach": "batas tanggapan terlewati",
    "ticket.check.resolve_breach": "batas penyelesaian terlewati",
}

EN: dict[str, str] = {
    "cmd.antrian": "Your unit's complaint queue",
    "cmd.tiket": "Full history of a complaint with its attachments (number)",
    "help.group_replies": (
        "\n<i>Reply to a complaint's message to answer the citizen in the unit's name; start "
        "with #catatan for an internal note. A reply of only emoji or fewer than three words "
        "(👍, ok, siap) is not sent at once: the bot asks first, send it to the citizen or "
        "keep it as an internal note.</i>"
    ),
    "alert.body": (
        "{icon} <b>Complaint {number}</b>\n"
        "<b>Category:</b> {category}\n"
        "<b>Kelurahan:</b> {kelurahan}\n"
        "<b>Reporter:</b> {reporter}\n"
        "<b>Unit:</b> {unit}\n"
        "<b>Status:</b> {status}{assignee}\n"
        "{deadlines}\n\n"
        "{description}"
        "{extras}"
    ),
    "alert.assignee": " · <b>Assignee:</b> {name}",
    "alert.deadlines": "<b>Acknowledge by:</b> {ack_due}\n<b>Resolve by:</b> {resolve_due}",
    "alert.deadline_resolve": "<b>Resolve by:</b> {resolve_due}",
    "alert.deadline_reopened": "<b>Reopened</b> by the citizen · <b>new resolve-by:</b> {resolve_due}",
    "alert.deadlines_paused": "<b>Deadlines paused:</b> waiting for the citizen",
    "alert.deadlines_resolved": "<b>Resolved:</b> {resolved}",
    "alert.deadlines_withdrawn": "<b>Withdrawn by the reporter:</b> {withdrawn}",
    "alert.evidence": "\n\n📎 Attachments: {files} file(s){location} (below this message)",
    "alert.location": ", 1 location",
    "alert.rating": "\n⭐ Citizen's rating: {rating}/5{comment}",
    "alert.rating_comment": " — “{comment}”",
    "alert.moved": "\n\n↪️ Moved to {unit}.",
    "alert.moved_from": "\n\n↪️ Moved here from {unit}: {reason}",
    "alert.conduct": "\n\n👤 A complaint about the conduct of an officer of {unit}; that unit does not receive it.",
    "alert.unbound": (
        "\n\n⚠️ {unit} has no Telegram group yet, so this complaint went to the supervisors "
        "(or the admins, while there is none). "
        "Admin: add the bot to the unit's group and send /grup_unit {code} there."
    ),
    "alert.whole_description": "📄 <b>Full description of {number}</b>\n\n{description}",
    "alert.hint": (
        "\n\n<i>Reply to this message to answer the citizen; start with #catatan for an "
        "internal note.</i>"
    ),
    "alert.reporter_hidden": "Confidential",
    "alert.unknown_kelurahan": "unknown",
    "alert.icon.new": "🆕",
    "alert.icon.open": "📌",
    "alert.icon.done": "✅",
    "alert.icon.withdrawn": "↩️",
    "btn.accept": "✅ Accept",
    "btn.ask": "❓ Ask for info",
    "btn.move": "↪️ Reassign",
    "btn.resolve": "🏁 Resolve",
    "btn.brief_send": "✉️ Send to the citizen",
    "btn.brief_note": "📝 Internal note",
    "btn.cancel": "Cancel",
    "grp.accepted": "You are the assignee of {number}.",
    "grp.ask_prompt": "{name}, write your question to the citizen about {number} (reply here):",
    "grp.resolve_prompt": (
        "{name}, write the resolution note of {number}, at least {min} characters (reply here):"
    ),
    "grp.move_choose": "Move {number} to which unit?",
    "grp.move_prompt": "{name}, write why {number} moves to {unit} (reply here):",
    "grp.too_short": (
        "Too short ({length} characters; at least {min}). Reply again to the bot's message "
        "asking for the {what} {number}, with a fuller text."
    ),
    "grp.what.ask": "question to the citizen about",
    "grp.what.resolve": "resolution note of",
    "grp.what.reassign": "reason for moving",
    "grp.reply_sent": "✉️ Answer to {number} sent to the citizen.",
    "grp.unknown_message": (
        "A reply to this bot message is not processed: it is not waiting for an answer. To "
        "answer the citizen, reply to the complaint's message; its history: /tiket NUMBER."
    ),
    "grp.prompt_answered": (
        "This request about {number} was answered already; this reply was not processed. "
        "To answer the citizen, reply to the complaint's message."
    ),
    "grp.reply_unreachable": (
        "⚠️ The answer to {number} is saved, but the citizen cannot be reached (they blocked "
        "the bot). They will see it in /status if they come back; consider another channel."
    ),
    "grp.question_unreachable": (
        "⚠️ The question on {number} is saved, but the citizen cannot be reached (they blocked "
        "the bot); the deadlines stop until they answer. Consider another channel."
    ),
    "grp.note_saved": "📝 Internal note on {number} saved.",
    "grp.brief_ask": (
        "✋ {name}, this brief reply was <b>not sent</b> to the citizen. Send it as the answer "
        "of {unit} on {number}, or keep it as an internal note?"
    ),
    "grp.brief_sent": "✉️ Brief reply sent to the citizen as the answer on {number} ({name}).",
    "grp.brief_noted": "📝 Brief reply kept as an internal note on {number} ({name}).",
    "grp.brief_decided": "This reply was sent or kept already.",
    "grp.question_sent": "❓ Question sent to the citizen; the deadlines of {number} stop until they answer.",
    "grp.moved": "↪️ {number} moved to {unit}.",
    "grp.resolved": "🏁 {number} resolved; the citizen is asked for a rating.",
    "grp.cancelled": "Cancelled.",
    "grp.invalid_state": "Not possible: {number} is now {status}.",
    "grp.moved_away": "{number} was moved to {unit}, which handles it now.",
    "grp.text_only": "Please reply with text (or a photo/document with a caption).",
    "grp.text_or_file": "Please reply with text, a photo or a document.",
    "grp.citizen_answer": "💬 <b>Citizen's answer</b> about {number}:\n\n{body}",
    "grp.citizen_message": "💬 <b>Citizen's message</b> about {number}:\n\n{body}",
    "grp.citizen_answer_file": "📎 <b>Citizen's answer</b> about {number} (a file).",
    "grp.citizen_answer_file_text": "📎 <b>Citizen's answer</b> about {number}:\n\n{body}",
    "grp.citizen_message_file": "📎 <b>Citizen's message</b> about {number} (a file).",
    "grp.citizen_message_file_text": "📎 <b>Citizen's message</b> about {number}:\n\n{body}",
    "grp.reopened": "🔁 <b>{number} reopened</b>: according to the citizen it is not solved.",
    "grp.rated": "⭐ The citizen rated {number}: {rating}/5{comment}",
    "grp.reminder.ack_warn": (
        "⏰ <b>Reminder</b>: {number} is not accepted yet. Acknowledge by {due} ({left} left)."
    ),
    "grp.reminder.resolve_warn": (
        "⏰ <b>Reminder</b>: {number} is not resolved yet. Resolve by {due} ({left} left)."
    ),
    "grp.reminder.ack_warn_late": (
        "⏰ <b>Reminder</b>: {number} is not accepted yet. The acknowledgement deadline {due} "
        "has passed."
    ),
    "grp.reminder.resolve_warn_late": (
        "⏰ <b>Reminder</b>: {number} is not resolved yet. The resolution deadline {due} has "
        "passed."
    ),
    "esc.ack_breach": (
        "🚨 <b>Escalation</b>: complaint {number} ({unit}) passed its acknowledgement deadline "
        "{due} without being accepted."
    ),
    "esc.resolve_breach": (
        "🚨 <b>Escalation</b>: complaint {number} ({unit}) passed its resolution deadline {due}."
    ),
    "sup.reopened": "🔁 Complaint {number} ({unit}) was reopened by the citizen: not solved.",
    "sup.low_rating": "⚠️ Complaint {number} ({unit}) was rated {rating}/5 by the citizen.{comment}",
    "queue.title": "<b>Queue of {scope}</b> — {count} open {count:|complaint|complaints}",
    "queue.all_units": "all units",
    "queue.line": "{flag} <b>{number}</b> · {status} · {category}\n   due: {due}{late}",
    "queue.late": " · <b>late by {late}</b>",
    "queue.empty": "No open complaints. 👍",
    "queue.open_button": "{number}",
    "ticket.usage": "Usage: <code>/tiket {example}</code>",
    "staff.elsewhere": (
        "The /{command} command is answered only in a private chat with the bot or in the "
        "group of the unit handling the complaint, so that its data is not read in other "
        "groups. Press the button below, then send /{command} there."
    ),
    "staff.elsewhere_alert": "Open this complaint in your private chat with the bot.",
    "ticket.title": "<b>Full history of {number}</b>",
    "ticket.line": "• {when} — {who}: {what}",
    "ticket.system": "system",
    "ticket.reporter": "reporter",
    "ticket.reporter_named": "reporter ({name})",
    "ticket.event.created": "filed the complaint",
    "ticket.event.accepted": "accepted",
    "ticket.event.public_reply": "answered the citizen: {body}",
    "ticket.event.internal_note": "internal note: {body}",
    "ticket.event.info_requested": "asked for information: {body}",
    "ticket.event.citizen_answer": "answered: {body}",
    "ticket.event.citizen_message": "sent a message: {body}",
    "ticket.event.reassigned": "moved it to {unit}: {body}",
    "ticket.event.resolved": "resolved: {body}",
    "ticket.event.reopened": "reopened",
    "ticket.event.closed": "closed",
    "ticket.event.rated": "rated {rating}/5",
    "ticket.event.rating_comment": "commented: {body}",
    "ticket.event.reminder": "reminder: {check}",
    "ticket.event.escalated": "escalation: {check}",
    "ticket.check.ack_warn": "acknowledgement deadline close",
    "ticket.check.resolve_warn": "resolution deadline close",
    "ticket.check.ack_breach": "acknowledgement deadline passed",
    "ticket.check.resolve_breach": "resolution deadline passed",
}
