"""Complaint texts for citizens after filing: /status, /riwayat, the timeline, the
unit's answers and questions, rating and reopening."""

ID: dict[str, str] = {
    "status.ask": "Kirim nomor pengaduan Anda, misalnya <code>{example}</code>.",
    "status.not_found": "Pengaduan <b>{number}</b> tidak ditemukan.",
    "status.card": (
        "<b>Pengaduan {number}</b>\n"
        "<b>Status:</b> {status}\n"
        "<b>Unit:</b> {unit}\n"
        "<b>Kategori:</b> {category}\n"
        "{deadlines}\n"
        "<b>Linimasa</b>\n{timeline}"
    ),
    "status.deadlines_open": (
        "<b>Ditanggapi paling lambat:</b> {ack_due}\n<b>Diselesaikan paling lambat:</b> {resolve_due}"
    ),
    "status.deadlines_paused": "<b>Tenggat dihentikan</b> sampai Anda menjawab pertanyaan petugas.",
    "status.deadlines_done": "<b>Diselesaikan:</b> {resolved}",
    "status.deadlines_withdrawn": "<b>Ditarik:</b> {withdrawn} (data pribadi pelapor dihapus)",
    "status.name.baru": "Baru",
    "status.name.diterima": "Diterima",
    "status.name.diproses": "Diproses",
    "status.name.menunggu_warga": "Menunggu jawaban warga",
    "status.name.selesai": "Selesai",
    "status.name.ditutup": "Ditutup",
    "status.name.ditarik": "Ditarik pelapor",
    "status.name.dibuka_kembali": "Dibuka kembali",
    "timeline.line": "• {when} — {what}",
    "timeline.created": "Pengaduan tercatat, diteruskan ke {unit}",
    "timeline.accepted": "Diterima oleh {unit}",
    "timeline.public_reply": "Jawaban {unit}: {body}",
    "timeline.info_requested": "{unit} meminta informasi: {body}",
    "timeline.citizen_answer": "Warga menjawab: {body}",
    "timeline.citizen_message": "Pesan warga: {body}",
    "timeline.reassigned": "Dialihkan ke {unit}",
    "timeline.resolved": "Diselesaikan: {body}",
    "timeline.reopened": "Dibuka kembali: belum selesai menurut warga",
    "timeline.closed": "Ditutup",
    "timeline.rated": "Dinilai {rating}/5",
    "history.title": "<b>Pengaduan Anda</b> — halaman {page} dari {pages}",
    "history.line": "<b>{number}</b> · {status} · {date}\n{category}",
    "history.empty": "Anda belum pernah menyampaikan pengaduan. Mulai dengan /lapor.",
    "history.prev": "◀ Sebelumnya",
    "history.next": "Berikutnya ▶",
    "cz.accepted": (
        "📬 Pengaduan <b>{number}</b> telah <b>diterima</b> oleh {unit} dan sedang ditangani. "
        "Diselesaikan paling lambat {resolve_due}."
    ),
    "cz.reply": (
        "💬 <b>Jawaban untuk pengaduan {number}</b>\n\n{body}\n\n— {unit}\n\n"
        "<i>Balas (reply) pesan ini bila ingin menanggapi.</i>"
    ),
    "cz.reply_file": "📎 <b>Lampiran jawaban untuk pengaduan {number}</b> — {unit}",
    "cz.question": (
        "❓ <b>{unit} memerlukan informasi tambahan</b> untuk pengaduan {number}:\n\n{body}\n\n"
        "<i>Balas pesan ini atau kirim jawaban Anda sebagai pesan berikutnya.</i>"
    ),
    "cz.answer_forwarded": "Terima kasih, jawaban Anda untuk {number} sudah diteruskan ke {unit}.",
    "cz.message_forwarded": "Pesan Anda untuk {number} sudah diteruskan ke {unit}.",
    "cz.message_kept": (
        "Pesan Anda tersimpan pada pengaduan {number}, tetapi saat ini belum ada petugas "
        "{unit} yang dapat menerimanya. Pesan ini akan dibaca petugas bersama pengaduan Anda."
    ),
    "cz.reassigned": (
        "↪️ Pengaduan <b>{number}</b> dialihkan ke <b>{unit}</b> agar ditangani unit yang tepat."
    ),
    "cz.resolved": (
        "✅ Pengaduan <b>{number}</b> dinyatakan <b>selesai</b> oleh {unit}:\n\n{note}\n\n"
        "Bagaimana penilaian Anda? Pilih 1 (sangat buruk) sampai 5 (sangat baik). Bila masalahnya "
        "belum selesai, tekan <b>Belum selesai</b> (paling lambat {reopen_until})."
    ),
    "cz.rate_button": "{rating} {face}",
    "cz.not_fixed": "🔁 Belum selesai",
    "cz.rated": (
        "Terima kasih atas penilaian Anda ({rating}/5)! Ingin menambahkan komentar? Tulis di "
        "sini, atau tekan Lewati. Penilaian dapat diubah dalam 24 jam."
    ),
    "cz.comment_saved": "Komentar Anda tersimpan. Terima kasih!",
    "cz.comment_skipped": "Baik, terima kasih.",
    "cz.rating_locked": "Penilaian hanya dapat diubah dalam 24 jam setelah diberikan.",
    "cz.reopened": (
        "🔁 Pengaduan <b>{number}</b> dibuka kembali dan dikembalikan ke {unit}. Pimpinan "
        "kecamatan juga diberi tahu."
    ),
    "cz.reopen_closed": (
        "Masa untuk membuka kembali pengaduan {number} sudah lewat. Silakan sampaikan pengaduan "
        "baru dengan /lapor."
    ),
    "cz.reopen_after_rating": (
        "Pengaduan {number} sudah ditutup saat Anda memberi penilaian. Bila masalahnya "
        "ternyata belum selesai, silakan sampaikan pengaduan baru dengan /lapor dan sebutkan "
        "nomor {number}."
    ),
    "cz.relay_unsupported": (
        "Pesan jenis ini tidak dapat diteruskan ke petugas. Kirim teks, foto, dokumen, "
        "pesan suara, atau video."
    ),
    "cz.closed_not_relayed": (
        "Pengaduan {number} sudah ditutup, jadi pesan Anda tidak diteruskan ke petugas. Bila "
        "masih ada masalah, sampaikan pengaduan baru dengan /lapor dan sebutkan nomor {number}."
    ),
    "cz.closed_auto": (
        "📁 Pengaduan <b>{number}</b> ditutup karena tidak ada tanggapan {days} hari kerja "
        "setelah diselesaikan. Terima kasih telah menyampaikan pengaduan."
    ),
    "cz.missed_news": (
        "👋 Selamat datang kembali. Selama bot tidak dapat mengirim pesan kepada Anda, ada "
        "kabar tentang pengaduan {numbers}. Lihat dengan <code>/status {first}</code>."
    ),
    "cz.no_open_question": (
        "Untuk pengaduan baru ketik /lapor. Untuk menambahkan keterangan atau foto pada "
        "pengaduan yang sudah ada, balas (reply) pesan bot tentang pengaduan itu. "
        "Perkembangannya: /status NOMOR atau /riwayat."
    ),
}

EN: dict[str, str] = {
    "status.ask": "Send your complaint number, for example <code>{example}</code>.",
    "status.not_found": "Complaint <b>{number}</b> was not found.",
    "status.card": (
        "<b>Complaint {number}</b>\n"
        "<b>Status:</b> {status}\n"
        "<b>Unit:</b> {unit}\n"
        "<b>Category:</b> {category}\n"
        "{deadlines}\n"
        "<b>Timeline</b>\n{timeline}"
    ),
    "status.deadlines_open": (
        "<b>Acknowledged by:</b> {ack_due}\n<b>Resolved by:</b> {resolve_due}"
    ),
    "status.deadlines_paused": "<b>Deadlines paused</b> until you answer the officers' question.",
    "status.deadlines_done": "<b>Resolved:</b> {resolved}",
    "status.deadlines_withdrawn": (
        "<b>Withdrawn:</b> {withdrawn} (the reporter's personal data was erased)"
    ),
    "status.name.baru": "New",
    "status.name.diterima": "Accepted",
    "status.name.diproses": "In progress",
    "status.name.menunggu_warga": "Waiting for the citizen",
    "status.name.selesai": "Resolved",
    "status.name.ditutup": "Closed",
    "status.name.ditarik": "Withdrawn by the reporter",
    "status.name.dibuka_kembali": "Reopened",
    "timeline.line": "• {when} — {what}",
    "timeline.created": "Complaint recorded, sent to {unit}",
    "timeline.accepted": "Accepted by {unit}",
    "timeline.public_reply": "Answer from {unit}: {body}",
    "timeline.info_requested": "{unit} asked for information: {body}",
    "timeline.citizen_answer": "Citizen answered: {body}",
    "timeline.citizen_message": "Citizen's message: {body}",
    "timeline.reassigned": "Moved to {unit}",
    "timeline.resolved": "Resolved: {body}",
    "timeline.reopened": "Reopened: not solved according to the citizen",
    "timeline.closed": "Closed",
    "timeline.rated": "Rated {rating}/5",
    "history.title": "<b>Your complaints</b> — page {page} of {pages}",
    "history.line": "<b>{number}</b> · {status} · {date}\n{category}",
    "history.empty": "You have not filed any complaint yet. Start with /lapor.",
    "history.prev": "◀ Previous",
    "history.next": "Next ▶",
    "cz.accepted": (
        "📬 Complaint <b>{number}</b> has been <b>accepted</b> by {unit} and is being handled. "
        "To be resolved by {resolve_due}."
    ),
    "cz.reply": (
        "💬 <b>Answer to complaint {number}</b>\n\n{body}\n\n— {unit}\n\n"
        "<i>Reply to this message if you want to respond.</i>"
    ),
    "cz.reply_file": "📎 <b>Attachment to the answer on complaint {number}</b> — {unit}",
    "cz.question": (
        "❓ <b>{unit} needs more information</b> about complaint {number}:\n\n{body}\n\n"
        "<i>Reply to this message or send your answer as your next message.</i>"
    ),
    "cz.answer_forwarded": "Thank you, your answer about {number} was passed to {unit}.",
    "cz.message_forwarded": "Your message about {number} was passed to {unit}.",
    "cz.message_kept": (
        "Your message is saved with complaint {number}, but no officer of {unit} can receive "
        "it right now. The officers will read it together with your complaint."
    ),
    "cz.reassigned": (
        "↪️ Complaint <b>{number}</b> was moved to <b>{unit}</b> so that the right unit handles it."
    ),
    "cz.resolved": (
        "✅ Complaint <b>{number}</b> was declared <b>resolved</b> by {unit}:\n\n{note}\n\n"
        "How do you rate it? Choose 1 (very poor) to 5 (very good). If the problem is not "
        "solved yet, press <b>Not solved yet</b> (until {reopen_until})."
    ),
    "cz.rate_button": "{rating} {face}",
    "cz.not_fixed": "🔁 Not solved yet",
    "cz.rated": (
        "Thank you for your rating ({rating}/5)! Would you like to add a comment? Write it here, "
        "or press Skip. You can change the rating within 24 hours."
    ),
    "cz.comment_saved": "Your comment is saved. Thank you!",
    "cz.comment_skipped": "All right, thank you.",
    "cz.rating_locked": "A rating can only be changed within 24 hours of giving it.",
    "cz.reopened": (
        "🔁 Complaint <b>{number}</b> is reopened and back with {unit}. The district leadership "
        "has been told as well."
    ),
    "cz.reopen_closed": (
        "The time to reopen complaint {number} has passed. Please file a new complaint with /lapor."
    ),
    "cz.reopen_after_rating": (
        "Complaint {number} was closed when you rated it. If the problem turns out not to be "
        "solved, please file a new complaint with /lapor and mention {number}."
    ),
    "cz.relay_unsupported": (
        "This kind of message cannot be passed to the officers. Send text, a photo, a "
        "document, a voice note or a video."
    ),
    "cz.closed_not_relayed": (
        "Complaint {number} is closed, so your message was not passed to the officers. If "
        "there is still a problem, file a new complaint with /lapor and mention {number}."
    ),
    "cz.closed_auto": (
        "📁 Complaint <b>{number}</b> is closed: there was no reaction for {days} working days "
        "after it was resolved. Thank you for your complaint."
    ),
    "cz.missed_news": (
        "👋 Welcome back. While the bot could not message you, there was news about "
        "complaint {numbers}. See it with <code>/status {first}</code>."
    ),
    "cz.no_open_question": (
        "For a new complaint type /lapor. To add details or a photo to a complaint you "
        "already filed, reply to the bot's message about it. To follow it up: "
        "/status NUMBER or /riwayat."
    ),
}
