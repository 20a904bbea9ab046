"""SKM survey texts: the nine unsur with their official labels (PermenPANRB 14/2017),
profile questions, the invitation, and the citizen's messages."""

from __future__ import annotations

#: Unsur names and the labels of scores 1 → 4, exactly as in the regulation's table.
UNSUR_ID: dict[str, tuple[str, str, tuple[str, str, str, str]]] = {
    "U1": (
        "Persyaratan",
        "Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan dengan jenis "
        "pelayanannya?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    "U2": (
        "Sistem, Mekanisme, dan Prosedur",
        "Bagaimana pemahaman Anda tentang kemudahan prosedur pelayanan di unit ini?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    "U3": (
        "Waktu Penyelesaian",
        "Bagaimana pendapat Anda tentang kecepatan waktu dalam memberikan pelayanan?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ),
    "U4": (
        "Biaya/Tarif",
        "Bagaimana pendapat Anda tentang kewajaran biaya/tarif dalam pelayanan?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ),
    "U5": (
        "Produk Spesifikasi Jenis Pelayanan",
        "Bagaimana pendapat Anda tentang kesesuaian produk pelayanan antara yang "
        "tercantum dalam standar pelayanan dengan hasil yang diberikan?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    "U6": (
        "Kompetensi Pelaksana",
        "Bagaimana pendapat Anda tentang kompetensi/kemampuan petugas dalam pelayanan?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ),
    "U7": (
        "Perilaku Pelaksana",
        "Bagaimana pendapat Anda tentang perilaku petugas dalam pelayanan terkait "
        "kesopanan dan keramahan?",
        (
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ),
    ),
    "U8": (
        "Penanganan Pengaduan, Saran dan Masukan",
        "Bagaimana pendapat Anda tentang penanganan pengaduan, saran dan masukan di unit ini?",
        (
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ),
    ),
    "U9": (
        "Sarana dan Prasarana",
        "Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ),
}

UNSUR_EN: dict[str, tuple[str, str, tuple[str, str, str, str]]] = {
    "U1": (
        "Requirements",
        "How well did the requirements match the service you received?",
        ("Not appropriate", "Less appropriate", "Appropriate", "Very appropriate"),
    ),
    "U2": (
        "Systems, mechanisms and procedures",
        "How easy was the procedure of this service?",
        ("Not easy", "Less easy", "Easy", "Very easy"),
    ),
    "U3": (
        "Completion time",
        "How fast was the service delivered?",
        ("Not fast", "Less fast", "Fast", "Very fast"),
    ),
    "U4": (
        "Cost/fee",
        "How fair was the cost or fee of the service?",
        ("Very expensive", "Fairly expensive", "Cheap", "Free"),
    ),
    "U5": (
        "Product as specified",
        "How well did the result match what the service standard promises?",
        ("Not as specified", "Partly as specified", "As specified", "Fully as specified"),
    ),
    "U6": (
        "Staff competence",
        "How competent were the officers who served you?",
        ("Not competent", "Less competent", "Competent", "Very competent"),
    ),
    "U7": (
        "Staff conduct",
        "How polite and friendly were the officers?",
        (
            "Impolite and unfriendly",
            "Less polite and friendly",
            "Polite and friendly",
            "Very polite and friendly",
        ),
    ),
    "U8": (
        "Handling of complaints and suggestions",
        "How are complaints, suggestions and feedback handled here?",
        ("None", "Exists but does not work", "Works, not optimally", "Well managed"),
    ),
    "U9": (
        "Facilities and infrastructure",
        "How good are the facilities and infrastructure?",
        ("Poor", "Fair", "Good", "Very good"),
    ),
}


def _unsur_texts(table: dict[str, tuple[str, str, tuple[str, str, str, str]]]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for key, (name, question, labels) in table.items():
        texts[f"skm.{key}.name"] = name
        texts[f"skm.{key}.q"] = question
        for score, label in enumerate(labels, start=1):
            texts[f"skm.{key}.{score}"] = label
    return texts


ID: dict[str, str] = {
    **_unsur_texts(UNSUR_ID),
    "menu.survey": "⭐ Survei Kepuasan",
    "cmd.survei": "Isi Survei Kepuasan Masyarakat (SKM)",
    "skm.intro": (
        "⭐ <b>Survei Kepuasan Masyarakat</b>\n"
        "Penilaian Anda membantu kami memperbaiki layanan: 9 pertanyaan singkat dengan "
        "tombol, lalu beberapa pertanyaan opsional.\n"
        "<i>Yang kami simpan: jawaban Anda dan akun Telegram Anda, hanya agar satu orang "
        "mengisi satu survei per layanan setiap {days} hari. Laporan hanya memuat angka "
        "gabungan, tanpa nama.</i>\n\n"
        "Layanan apa yang Anda terima?"
    ),
    "skm.no_services": "Belum ada layanan yang dapat disurvei. Terima kasih.",
    "skm.unknown_service": "Layanan dengan kode {code} tidak ditemukan. Silakan pilih layanan:",
    "skm.too_soon": (
        "Anda sudah mengisi survei untuk <b>{service}</b> pada {last}. Terima kasih!\n"
        "Survei berikutnya untuk layanan ini dapat diisi mulai {next}."
    ),
    "skm.question": "Layanan: <b>{service}</b>\n\n<b>Pertanyaan {n}/9 · {name}</b>\n{question}",
    "skm.answer_button": "{score} · {label}",
    "skm.use_buttons": (
        "Mohon jawab dengan tombol pada pertanyaan di atas. Ketik /batal untuk berhenti."
    ),
    "skm.profile.gender": "Jenis kelamin Anda? <i>(opsional)</i>",
    "skm.profile.age": "Usia Anda? <i>(opsional)</i>",
    "skm.profile.education": "Pendidikan terakhir Anda? <i>(opsional)</i>",
    "skm.profile.occupation": "Pekerjaan Anda? <i>(opsional)</i>",
    "skm.gender.L": "Laki-laki",
    "skm.gender.P": "Perempuan",
    "skm.age.U20": "Di bawah 20 tahun",
    "skm.age.20_29": "20–29 tahun",
    "skm.age.30_39": "30–39 tahun",
    "skm.age.40_49": "40–49 tahun",
    "skm.age.50_59": "50–59 tahun",
    "skm.age.60P": "60 tahun ke atas",
    "skm.education.SD": "SD atau di bawahnya",
    "skm.education.SMP": "SMP",
    "skm.education.SMA": "SMA/SMK",
    "skm.education.D3": "D1–D3",
    "skm.education.S1": "D4/S1",
    "skm.education.S2": "S2 atau di atasnya",
    "skm.occupation.PNS": "PNS/TNI/Polri",
    "skm.occupation.SWASTA": "Pegawai swasta",
    "skm.occupation.WIRASWASTA": "Wiraswasta",
    "skm.occupation.PELAJAR": "Pelajar/Mahasiswa",
    "skm.occupation.LAINNYA": "Lainnya",
    "skm.skip": "Lewati",
    "skm.skipped": "dilewati",
    "skm.suggestion": (
        "Ada saran untuk perbaikan layanan ini? Tulis di sini (opsional, paling banyak {max} "
        "karakter), atau tekan Lewati."
    ),
    "skm.suggestion_too_long": (
        "Saran Anda {length} karakter; paling banyak {max}. Mohon dipersingkat lalu kirim lagi."
    ),
    "skm.suggestion_text_only": (
        "Saran hanya dapat berupa teks. Tulis saran Anda, atau tekan Lewati."
    ),
    "skm.summary": (
        "📋 <b>Periksa jawaban Anda</b>\nLayanan: <b>{service}</b>\n\n{answers}\n\n"
        "Profil: {profile}\nSaran: {suggestion}\n\nTekan <b>Kirim</b> untuk menyimpan."
    ),
    "skm.summary_line": "{key} {name}: {score} · {label}",
    "skm.none": "—",
    "skm.send": "📨 Kirim",
    "skm.edit": "✏️ Ubah jawaban",
    "skm.cancel": "Batal",
    "skm.back": "« Kembali",
    "skm.edit_which": "Jawaban unsur mana yang ingin diubah?",
    "skm.thanks": (
        "✅ Terima kasih! Survei untuk <b>{service}</b> tersimpan.\n"
        "Survei berikutnya untuk layanan ini dapat diisi mulai {next}."
    ),
    "skm.already_sent": "Survei ini sudah terkirim. Terima kasih!",
    "skm.cancelled": "Survei dibatalkan; tidak ada jawaban yang disimpan.",
    "skm.expired": (
        "Survei Anda yang belum selesai sudah lebih dari 24 jam ditinggalkan dan dihapus. "
        "Silakan mulai lagi dengan /survei."
    ),
    "skm.stale": "Tombol ini dari survei yang sudah selesai, dibatalkan, atau kedaluwarsa.",
    "skm.invite": (
        "⭐ Pengaduan <b>{number}</b> sudah ditutup. Bersediakah Anda menilai layanan "
        "<b>{service}</b> dalam Survei Kepuasan Masyarakat? Hanya 9 pertanyaan singkat."
    ),
    "skm.invite_any": (
        "⭐ Pengaduan <b>{number}</b> sudah ditutup. Bersediakah Anda menilai layanan yang Anda "
        "terima di kantor camat dalam Survei Kepuasan Masyarakat? Hanya 9 pertanyaan singkat."
    ),
    "skm.invite_button": "⭐ Isi survei",
    "skm.qr_title": "Survei Kepuasan Masyarakat",
    "skm.qr_hint": "Pindai untuk menilai layanan kami",
    "skm.resumed": (
        "Anda masih mengisi survei untuk <b>{service}</b>; kita lanjutkan dari pertanyaan "
        "terakhir. Ingin mulai ulang? Ketik /batal lalu /survei."
    ),
}

EN: dict[str, str] = {
    **_unsur_texts(UNSUR_EN),
    "menu.survey": "⭐ Satisfaction survey",
    "cmd.survei": "Take the public satisfaction survey (SKM)",
    "skm.intro": (
        "⭐ <b>Public satisfaction survey</b>\n"
        "Your rating helps us improve: 9 short questions with buttons, then a few optional "
        "ones.\n"
        "<i>What we keep: your answers and your Telegram account, only so that each person "
        "answers once per service every {days} days. Reports show totals only, no names.</i>\n\n"
        "Which service did you receive?"
    ),
    "skm.no_services": "There is no service to rate yet. Thank you.",
    "skm.unknown_service": "No service has the code {code}. Please choose the service:",
    "skm.too_soon": (
        "You already answered the survey for <b>{service}</b> on {last}. Thank you!\n"
        "You can answer again for this service from {next}."
    ),
    "skm.question": "Service: <b>{service}</b>\n\n<b>Question {n}/9 · {name}</b>\n{question}",
    "skm.answer_button": "{score} · {label}",
    "skm.use_buttons": "Please answer with the buttons of the question above. Type /batal to stop.",
    "skm.profile.gender": "Your gender? <i>(optional)</i>",
    "skm.profile.age": "Your age? <i>(optional)</i>",
    "skm.profile.education": "Your education? <i>(optional)</i>",
    "skm.profile.occupation": "Your occupation? <i>(optional)</i>",
    "skm.gender.L": "Male",
    "skm.gender.P": "Female",
    "skm.age.U20": "Under 20",
    "skm.age.20_29": "20–29",
    "skm.age.30_39": "30–39",
    "skm.age.40_49": "40–49",
    "skm.age.50_59": "50–59",
    "skm.age.60P": "60 or older",
    "skm.education.SD": "Primary school or less",
    "skm.education.SMP": "Junior high school",
    "skm.education.SMA": "Senior high school",
    "skm.education.D3": "Diploma (D1–D3)",
    "skm.education.S1": "Bachelor (D4/S1)",
    "skm.education.S2": "Master or higher",
    "skm.occupation.PNS": "Civil servant/military/police",
    "skm.occupation.SWASTA": "Private employee",
    "skm.occupation.WIRASWASTA": "Self-employed",
    "skm.occupation.PELAJAR": "Student",
    "skm.occupation.LAINNYA": "Other",
    "skm.skip": "Skip",
    "skm.skipped": "skipped",
    "skm.suggestion": (
        "Any suggestion to improve this service? Write it here (optional, at most {max} "
        "characters), or press Skip."
    ),
    "skm.suggestion_too_long": (
        "Your suggestion has {length} characters; at most {max}. Please shorten it and send "
        "it again."
    ),
    "skm.suggestion_text_only": "A suggestion can only be text. Write it, or press Skip.",
    "skm.summary": (
        "📋 <b>Check your answers</b>\nService: <b>{service}</b>\n\n{answers}\n\n"
        "Profile: {profile}\nSuggestion: {suggestion}\n\nPress <b>Send</b> to save."
    ),
    "skm.summary_line": "{key} {name}: {score} · {label}",
    "skm.none": "—",
    "skm.send": "📨 Send",
    "skm.edit": "✏️ Change an answer",
    "skm.cancel": "Cancel",
    "skm.back": "« Back",
    "skm.edit_which": "Which answer do you want to change?",
    "skm.thanks": (
        "✅ Thank you! Your survey for <b>{service}</b> is saved.\n"
        "You can answer again for this service from {next}."
    ),
    "skm.already_sent": "This survey was already sent. Thank you!",
    "skm.cancelled": "Survey cancelled; no answer was kept.",
    "skm.expired": (
        "Your unfinished survey was left for more than 24 hours and has been deleted. "
        "Please start again with /survei."
    ),
    "skm.stale": "This button belongs to a survey that was finished, cancelled or expired.",
    "skm.invite": (
        "⭐ Complaint <b>{number}</b> is closed. Would you rate the service <b>{service}</b> in "
        "our public satisfaction survey? Only 9 short questions."
    ),
    "skm.invite_any": (
        "⭐ Complaint <b>{number}</b> is closed. Would you rate the service you received at the "
        "district office in our public satisfaction survey? Only 9 short questions."
    ),
    "skm.invite_button": "⭐ Take the survey",
    "skm.qr_title": "Public satisfaction survey",
    "skm.qr_hint": "Scan to rate our service",
    "skm.resumed": (
        "You are still answering the survey on <b>{service}</b>; let's carry on from the "
        "last question. To start over, send /batal and then /survei."
    ),
}
