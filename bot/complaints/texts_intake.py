"""Complaint texts for citizens: the intake (/lapor) and its menu entries."""

ID: dict[str, str] = {
    "menu.complaint": "📝 Buat Pengaduan",
    "menu.status": "🔎 Cek Status",
    "menu.history": "📂 Pengaduan Saya",
    "cmd.lapor": "Sampaikan pengaduan, saran, atau kritik",
    "cmd.status": "Cek status pengaduan (nomor)",
    "cmd.riwayat": "Daftar pengaduan Anda",
    "lapor.privacy": (
        "🔒 <b>Sebelum mulai: data pribadi Anda</b>\n\n"
        "Yang kami simpan: nama dan username Telegram Anda, isi pengaduan, lampiran, dan "
        "lokasi yang Anda kirim, serta riwayat penanganannya.\n"
        "Untuk apa: hanya untuk menangani pengaduan dan mengukur mutu layanan kecamatan.\n"
        "Siapa yang melihat: petugas unit yang menangani dan pimpinan kecamatan. Jika Anda "
        "memilih <i>Rahasiakan identitas</i>, nama, username, dan ID Telegram Anda tidak "
        "ditampilkan kepada petugas.\n"
        "Hak Anda (UU 27/2022): melihat data Anda dan mengunduh salinannya dengan "
        "/datasaya (nama mengikuti akun Telegram Anda, jadi perbaiki di sana), serta menarik "
        "persetujuan dan menghapus data Anda kapan saja dengan /hapusdata.\n\n"
        "Apakah Anda setuju?"
    ),
    "lapor.privacy_yes": "✅ Setuju",
    "lapor.privacy_no": "Tidak",
    "lapor.privacy_declined": (
        "Baik, tidak ada data yang disimpan. Anda tetap dapat menyampaikan pengaduan langsung "
        "di kantor camat atau melalui lapor.go.id."
    ),
    "lapor.limit": (
        "Anda sudah menyampaikan {limit} pengaduan hari ini, batas harian kami. Pengaduan yang "
        "sudah masuk tetap diproses (lihat /riwayat); silakan lanjutkan besok."
    ),
    "lapor.category": "<b>Langkah 1 dari 6</b> — Pilih kategori pengaduan:",
    "lapor.conduct_unit": (
        "Petugas yang Anda adukan bertugas di unit mana?\n"
        "Pengaduan ini ditangani Sekretariat dan pimpinan kecamatan, tidak oleh unit tersebut."
    ),
    "lapor.unknown": "Tidak tahu",
    "lapor.kelurahan": "<b>Langkah 2 dari 6</b> — Di kelurahan mana masalahnya?",
    "lapor.description": (
        "<b>Langkah 3 dari 6</b> — Ceritakan masalahnya: apa yang terjadi, di mana persisnya, "
        "dan sejak kapan ({min}–{max} karakter).{note}"
    ),
    "lapor.service_window": (
        "\n\nℹ️ Pengaduan tentang layanan sebaiknya disampaikan paling lambat 30 hari setelah "
        "layanan diterima (UU 25/2009); yang lebih lama tetap kami terima."
    ),
    "lapor.too_short": (
        "Uraian terlalu pendek ({length} karakter). Tulis paling sedikit {min} karakter agar "
        "petugas memahami masalahnya."
    ),
    "lapor.too_long": (
        "Uraian terlalu panjang ({length} karakter; paling banyak {max}). Mohon ringkas lalu "
        "kirim lagi."
    ),
    "lapor.text_please": "Mohon kirim uraian berupa teks.",
    "lapor.caption_used": (
        "📎 Foto/berkas disimpan sebagai lampiran, dan keterangannya dipakai sebagai uraian. "
        "Ingin melengkapinya? Tulis saja ceritanya di sini sebagai pesan berikutnya."
    ),
    "lapor.description_completed": (
        "✍️ Uraian dilengkapi. Kirim lampiran lain, atau tekan Selesai."
    ),
    "lapor.kept_file": "Foto/berkas",
    "lapor.kept_location": "Lokasi",
    "lapor.kept_ask_text": (
        "📎 {what} disimpan untuk lampiran. Sekarang tuliskan uraian masalahnya sebagai teks "
        "(apa yang terjadi, di mana persisnya, dan sejak kapan)."
    ),
    "lapor.evidence": (
        "<b>Langkah 4 dari 6</b> — Lampiran (boleh dilewati): kirim sampai {max} foto, "
        "gambar, dokumen PDF, pesan suara atau video, dan/atau satu lokasi (📎 → Lokasi). "
        "Tekan <b>Selesai</b> bila sudah."
    ),
    "lapor.evidence_added": "Tersimpan: {files} lampiran{location}. Kirim lagi, atau tekan Selesai.",
    "lapor.evidence_location": " dan lokasi",
    "lapor.evidence_full": "Sudah {max} lampiran (batas maksimal). Tekan Selesai untuk lanjut.",
    "lapor.evidence_pdf_only": (
        "Berkas jenis ini tidak dapat dilampirkan. Kirim gambar (JPG/PNG) atau dokumen PDF; "
        "foto, pesan suara, video, dan lokasi juga bisa."
    ),
    "lapor.evidence_unsupported": (
        "Jenis pesan ini tidak dapat dilampirkan. Yang dapat dilampirkan: foto, gambar "
        "(JPG/PNG), dokumen PDF, pesan suara, video, dan lokasi; atau tekan Selesai."
    ),
    "lapor.evidence_text": (
        "Uraian Anda sudah tersimpan. Untuk mengubahnya, tekan Selesai, lalu pada ringkasan "
        "pilih ✏️ Ubah → Uraian. Di langkah ini kirim foto, gambar, PDF, pesan suara, video, "
        "atau lokasi."
    ),
    "lapor.location_far": (
        "📍 Lokasi ini sekitar {km} km di luar {district}, wilayah kantor camat ini. Apakah "
        "lokasinya benar?"
    ),
    "lapor.location_keep": "✅ Ya, lokasinya benar",
    "lapor.location_drop": "📍 Bukan, jangan dipakai",
    "lapor.location_dropped": (
        "Baik, lokasi itu tidak disimpan. Kirim lokasi yang benar (📎 → Lokasi) bila ada."
    ),
    "lapor.skip": "Lewati",
    "lapor.done": "Selesai",
    "lapor.identity": (
        "<b>Langkah 5 dari 6</b> — Bagaimana identitas Anda ditampilkan kepada petugas?\n\n"
        "• <b>Tampilkan nama saya</b>: petugas melihat nama Anda.\n"
        "• <b>Rahasiakan identitas</b>: nama, username, dan ID Telegram Anda tidak pernah "
        "ditampilkan kepada petugas (Perpres 76/2013). Jawaban tetap sampai kepada Anda di sini."
    ),
    "lapor.identity_show": "Tampilkan nama saya",
    "lapor.identity_hide": "Rahasiakan identitas",
    "lapor.summary": (
        "<b>Langkah 6 dari 6</b> — Periksa pengaduan Anda:\n\n"
        "<b>Kategori:</b> {category}\n"
        "<b>Kelurahan:</b> {kelurahan}\n"
        "<b>Lampiran:</b> {evidence}\n"
        "<b>Identitas:</b> {identity}\n\n"
        "<b>Uraian:</b>\n{description}\n\n"
        "Kirim sekarang?"
    ),
    "lapor.summary_conduct": "<b>Unit petugas:</b> {unit}\n",
    "lapor.evidence_none": "tidak ada",
    "lapor.evidence_count": "{files} berkas{location}",
    "lapor.identity_shown": "ditampilkan ({name})",
    "lapor.identity_hidden": "dirahasiakan",
    "lapor.send": "📨 Kirim",
    "lapor.edit": "✏️ Ubah",
    "lapor.cancel": "Batal",
    "lapor.edit_which": "Bagian mana yang ingin diubah?",
    "lapor.field.category": "Kategori",
    "lapor.field.kelurahan": "Kelurahan",
    "lapor.field.description": "Uraian",
    "lapor.field.evidence": "Lampiran",
    "lapor.field.identity": "Identitas",
    "lapor.back": "« Kembali",
    "lapor.submitted": (
        "✅ <b>Pengaduan Anda tercatat.</b>\n\n"
        "Nomor: <b>{number}</b>\n"
        "Diteruskan ke: {unit}\n"
        "Ditanggapi paling lambat: {ack_due}\n"
        "Diselesaikan paling lambat: {resolve_due}\n\n"
        "Simpan nomor ini. Setiap perkembangan akan kami kirim ke sini; cek kapan saja "
        "dengan /status {number}. Ada yang perlu ditambahkan atau dikoreksi? Balas (reply) "
        "pesan ini."
    ),
    "lapor.already_sent": "Pengaduan ini sudah terkirim dengan nomor {number}.",
    "lapor.cancelled": "Pengaduan dibatalkan; tidak ada yang disimpan.",
    "lapor.stale": "Draf ini sudah tidak aktif. Mulai lagi dengan /lapor.",
    "lapor.summary_changed": (
        "Pengaduan Anda sudah berubah sejak ringkasan ini. Periksa ringkasan terbaru di "
        "bawah, lalu tekan Kirim di sana."
    ),
    "lapor.in_progress": "Anda sedang mengisi pengaduan. Ini langkah Anda sekarang; lanjutkan di bawah, atau /batal.",
    "lapor.step_passed": "Langkah itu sudah lewat. Langkah Anda sekarang ditampilkan di bawah.",
}

EN: dict[str, str] = {
    "menu.complaint": "📝 File a complaint",
    "menu.status": "🔎 Check status",
    "menu.history": "📂 My complaints",
    "cmd.lapor": "Send a complaint, suggestion or criticism",
    "cmd.status": "Check a complaint (number)",
    "cmd.riwayat": "Your complaints",
    "lapor.privacy": (
        "🔒 <b>Before we start: your personal data</b>\n\n"
        "What we store: your Telegram name and username, the complaint, the attachments and "
        "location you send, and the history of its handling.\n"
        "What for: only to handle the complaint and to measure the district's service quality.\n"
        "Who sees it: the officers of the unit handling it and the district's leadership. If "
        "you choose <i>Keep my identity confidential</i>, your name, username and Telegram id "
        "are not shown to officers.\n"
        "Your rights (UU 27/2022): see your data and download a copy with /datasaya (your "
        "name follows your Telegram account, so correct it there), and withdraw your consent "
        "and erase your data at any time with /hapusdata.\n\n"
        "Do you agree?"
    ),
    "lapor.privacy_yes": "✅ I agree",
    "lapor.privacy_no": "No",
    "lapor.privacy_declined": (
        "Understood, nothing was stored. You can still complain in person at the district "
        "office or through lapor.go.id."
    ),
    "lapor.limit": (
        "You have sent {limit} {limit:|complaint|complaints} today, our daily limit. Those already sent are being "
        "handled (see /riwayat); please continue tomorrow."
    ),
    "lapor.category": "<b>Step 1 of 6</b> — Choose the kind of complaint:",
    "lapor.conduct_unit": (
        "Which unit does the officer you are complaining about work in?\n"
        "This complaint is handled by the Secretariat and the district leadership, not by "
        "that unit."
    ),
    "lapor.unknown": "I don't know",
    "lapor.kelurahan": "<b>Step 2 of 6</b> — In which kelurahan is the problem?",
    "lapor.description": (
        "<b>Step 3 of 6</b> — Describe the problem: what happened, exactly where, and since "
        "when ({min}–{max} characters).{note}"
    ),
    "lapor.service_window": (
        "\n\nℹ️ A complaint about a service should come within 30 days of receiving it "
        "(UU 25/2009); older ones are still accepted."
    ),
    "lapor.too_short": (
        "The description is too short ({length} characters). Please write at least {min} so "
        "that the officers understand the problem."
    ),
    "lapor.too_long": (
        "The description is too long ({length} characters; at most {max}). Please shorten it "
        "and send it again."
    ),
    "lapor.text_please": "Please send the description as text.",
    "lapor.caption_used": (
        "📎 The photo/file is kept as an attachment, and its caption is used as the "
        "description. Want to complete it? Just write the full story here as your next "
        "message."
    ),
    "lapor.description_completed": (
        "✍️ Description completed. Send more attachments, or press Done."
    ),
    "lapor.kept_file": "The photo/file",
    "lapor.kept_location": "The location",
    "lapor.kept_ask_text": (
        "📎 {what} is kept for the attachments. Now please write the description as text "
        "(what happened, exactly where, and since when)."
    ),
    "lapor.evidence": (
        "<b>Step 4 of 6</b> — Attachments (optional): send up to {max} photos, pictures, PDF "
        "documents, voice notes or videos, and/or one location (📎 → Location). Press "
        "<b>Done</b> when finished."
    ),
    "lapor.evidence_added": "Saved: {files} attachment(s){location}. Send more, or press Done.",
    "lapor.evidence_location": " and a location",
    "lapor.evidence_full": "You have {max} attachments (the maximum). Press Done to continue.",
    "lapor.evidence_pdf_only": (
        "This kind of file cannot be attached. Send a picture (JPG/PNG) or a PDF document; "
        "photos, voice notes, videos and a location work too."
    ),
    "lapor.evidence_unsupported": (
        "This kind of message cannot be attached. What can be attached: photos, pictures "
        "(JPG/PNG), PDF documents, voice notes, videos and a location; or press Done."
    ),
    "lapor.evidence_text": (
        "Your description is saved. To change it, press Done, then choose ✏️ Change → "
        "Description on the summary. At this step, send photos, pictures, PDFs, voice notes, "
        "videos or a location."
    ),
    "lapor.location_far": (
        "📍 This location is about {km} km outside {district}, the area of this district "
        "office. Is the location right?"
    ),
    "lapor.location_keep": "✅ Yes, the location is right",
    "lapor.location_drop": "📍 No, don't use it",
    "lapor.location_dropped": (
        "All right, that location is not kept. Send the right one (📎 → Location) if you have it."
    ),
    "lapor.skip": "Skip",
    "lapor.done": "Done",
    "lapor.identity": (
        "<b>Step 5 of 6</b> — How should your identity appear to the officers?\n\n"
        "• <b>Show my name</b>: officers see your name.\n"
        "• <b>Keep my identity confidential</b>: your name, username and Telegram id are never "
        "shown to officers (Perpres 76/2013). Answers still reach you here."
    ),
    "lapor.identity_show": "Show my name",
    "lapor.identity_hide": "Keep my identity confidential",
    "lapor.summary": (
        "<b>Step 6 of 6</b> — Check your complaint:\n\n"
        "<b>Category:</b> {category}\n"
        "<b>Kelurahan:</b> {kelurahan}\n"
        "<b>Attachments:</b> {evidence}\n"
        "<b>Identity:</b> {identity}\n\n"
        "<b>Description:</b>\n{description}\n\n"
        "Send it now?"
    ),
    "lapor.summary_conduct": "<b>Officer's unit:</b> {unit}\n",
    "lapor.evidence_none": "none",
    "lapor.evidence_count": "{files} file(s){location}",
    "lapor.identity_shown": "shown ({name})",
    "lapor.identity_hidden": "confidential",
    "lapor.send": "📨 Send",
    "lapor.edit": "✏️ Change",
    "lapor.cancel": "Cancel",
    "lapor.edit_which": "Which part do you want to change?",
    "lapor.field.category": "Category",
    "lapor.field.kelurahan": "Kelurahan",
    "lapor.field.description": "Description",
    "lapor.field.evidence": "Attachments",
    "lapor.field.identity": "Identity",
    "lapor.back": "« Back",
    "lapor.submitted": (
        "✅ <b>Your complaint is recorded.</b>\n\n"
        "Number: <b>{number}</b>\n"
        "Sent to: {unit}\n"
        "Acknowledged by: {ack_due}\n"
        "Resolved by: {resolve_due}\n\n"
        "Keep this number. We will send every update here; check any time with "
        "/status {number}. Something to add or correct? Reply to this message."
    ),
    "lapor.already_sent": "This complaint was already sent as {number}.",
    "lapor.cancelled": "Complaint cancelled; nothing was stored.",
    "lapor.stale": "This draft is no longer active. Start again with /lapor.",
    "lapor.summary_changed": (
        "Your complaint has changed since this summary. Check the latest summary below, "
        "then press Send there."
    ),
    "lapor.in_progress": "You are writing a complaint. This is your current step; continue below, or /batal.",
    "lapor.step_passed": "That step is over. Your current step is shown below.",
}
