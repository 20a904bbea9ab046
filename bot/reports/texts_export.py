"""The /ekspor workbook's column headers and its data dictionary ("Kamus Data"): per sheet
and field, ``xl.<sheet>.<field>`` is the header people read and ``….about`` what the
column holds. The field names themselves (Open311 GeoReport v2 where one exists) are
data, listed in the dictionary for the systems that read the file."""

from __future__ import annotations

#: (sheet, field): (Indonesian header, Indonesian description, English header,
#: English description). Sheets are the lower-case sheet titles.
_COLUMNS: dict[tuple[str, str], tuple[str, str, str, str]] = {
    # --- Pengaduan -------------------------------------------------------------------
    ("pengaduan", "service_request_id"): (
        "Nomor pengaduan",
        "Nomor pelacakan pengaduan (KODE-YYMM-NNNN: kode kantor, tahun dan bulan masuk, nomor urut).",
        "Complaint number",
        "The complaint's tracking number (CODE-YYMM-NNNN: the office's code, year and month received, sequence).",
    ),
    ("pengaduan", "status"): (
        "Terbuka/tertutup",
        "open selama ditangani, closed bila selesai atau ditutup.",
        "Open/closed",
        "open while handled, closed once resolved or closed.",
    ),
    ("pengaduan", "service_code"): (
        "Kode kategori",
        "Kode kategori pengaduan dalam berkas kantor.",
        "Category code",
        "The complaint category's code in the office file.",
    ),
    ("pengaduan", "service_name"): (
        "Kategori",
        "Nama kategori pengaduan.",
        "Category",
        "The complaint category.",
    ),
    ("pengaduan", "description"): (
        "Uraian",
        "Uraian masalah yang ditulis pelapor.",
        "Description",
        "The problem as the reporter described it.",
    ),
    ("pengaduan", "agency_responsible"): (
        "Unit penanggung jawab",
        "Unit yang menangani pengaduan sekarang.",
        "Responsible unit",
        "The unit handling the complaint now.",
    ),
    ("pengaduan", "requested_datetime"): (
        "Waktu masuk",
        "Kapan pengaduan dikirim (ISO 8601, WIB).",
        "Filed",
        "When the complaint was sent (ISO 8601, WIB).",
    ),
    ("pengaduan", "updated_datetime"): (
        "Terakhir berubah",
        "Perubahan terakhir pada pengaduan.",
        "Last changed",
        "The complaint's last change.",
    ),
    ("pengaduan", "expected_datetime"): (
        "Perkiraan selesai",
        "Tenggat penyelesaian, sebagai perkiraan untuk warga.",
        "Expected by",
        "The resolution deadline, as the date the citizen can expect.",
    ),
    ("pengaduan", "kelurahan"): (
        "Kelurahan",
        "Kelurahan tempat masalahnya.",
        "Kelurahan",
        "The kelurahan of the problem.",
    ),
    ("pengaduan", "lat"): (
        "Lintang",
        "Lintang lokasi (dibulatkan ±100 m kecuali untuk admin).",
        "Latitude",
        "Latitude of the location (rounded to about 100 m except for admins).",
    ),
    ("pengaduan", "long"): (
        "Bujur",
        "Bujur lokasi (dibulatkan ±100 m kecuali untuk admin).",
        "Longitude",
        "Longitude of the location (rounded to about 100 m except for admins).",
    ),
    ("pengaduan", "status_detail"): (
        "Status",
        "Status dalam bot: baru, diterima, diproses, menunggu_warga, selesai, "
        "ditutup, dibuka_kembali, atau ditarik (pelapor menghapus datanya).",
        "Status",
        "Status in the bot: baru, diterima, diproses, menunggu_warga, selesai, "
        "ditutup, dibuka_kembali, or ditarik (withdrawn: the reporter erased their data).",
    ),
    ("pengaduan", "ack_due_datetime"): (
        "Batas tanggapan",
        "Tenggat menanggapi (hari kerja).",
        "Acknowledge by",
        "Deadline to acknowledge (working days).",
    ),
    ("pengaduan", "acknowledged_datetime"): (
        "Waktu ditanggapi",
        "Kapan unit menanggapi.",
        "Acknowledged",
        "When the unit acknowledged it.",
    ),
    ("pengaduan", "ack_on_time"): (
        "Ditanggapi tepat waktu",
        "ya/tidak.",
        "Acknowledged on time",
        "ya (yes) / tidak (no).",
    ),
    ("pengaduan", "ack_work_hours"): (
        "Jam kerja sampai ditanggapi",
        "Jam kerja dari masuk sampai ditanggapi.",
        "Working hours to acknowledge",
        "Working hours from filing to acknowledgement.",
    ),
    ("pengaduan", "resolve_due_datetime"): (
        "Batas penyelesaian",
        "Tenggat penyelesaian (hari kerja).",
        "Resolve by",
        "Deadline to resolve (working days).",
    ),
    ("pengaduan", "resolved_datetime"): (
        "Waktu diselesaikan",
        "Kapan unit menyatakan selesai.",
        "Resolved",
        "When the unit resolved it.",
    ),
    ("pengaduan", "resolve_on_time"): (
        "Diselesaikan tepat waktu",
        "ya/tidak.",
        "Resolved on time",
        "ya (yes) / tidak (no).",
    ),
    ("pengaduan", "resolve_work_hours"): (
        "Jam kerja sampai selesai",
        "Jam kerja dari masuk sampai diselesaikan.",
        "Working hours to resolve",
        "Working hours from filing to resolution.",
    ),
    ("pengaduan", "closed_datetime"): (
        "Waktu ditutup",
        "Kapan pengaduan ditutup.",
        "Closed",
        "When the complaint closed.",
    ),
    ("pengaduan", "reopen_count"): (
        "Dibuka kembali (kali)",
        "Berapa kali warga menyatakan belum selesai.",
        "Times reopened",
        "How often the citizen said it was not solved yet.",
    ),
    ("pengaduan", "rating"): (
        "Penilaian warga",
        "1 (sangat buruk) sampai 5 (sangat baik).",
        "Citizen's rating",
        "1 (very bad) to 5 (very good).",
    ),
    ("pengaduan", "confidential"): (
        "Identitas dirahasiakan",
        "ya bila pelapor meminta identitasnya dirahasiakan.",
        "Confidential",
        "ya (yes) when the reporter asked to keep their identity confidential.",
    ),
    ("pengaduan", "reporter_name"): (
        "Nama pelapor",
        "Hanya untuk admin; pelapor rahasia tidak pernah disebut.",
        "Reporter's name",
        "Admins only; a confidential reporter is never named.",
    ),
    ("pengaduan", "reporter_username"): (
        "Username pelapor",
        "Hanya untuk admin.",
        "Reporter's username",
        "Admins only.",
    ),
    ("pengaduan", "reporter_telegram_id"): (
        "ID Telegram pelapor",
        "Hanya untuk admin.",
        "Reporter's Telegram id",
        "Admins only.",
    ),
    ("pengaduan", "rating_comment"): (
        "Komentar penilaian",
        "Hanya untuk admin.",
        "Rating comment",
        "Admins only.",
    ),
    # --- Linimasa --------------------------------------------------------------------
    ("linimasa", "service_request_id"): (
        "Nomor pengaduan",
        "Pengaduan yang dimaksud.",
        "Complaint number",
        "The complaint concerned.",
    ),
    ("linimasa", "datetime"): ("Waktu", "Kapan terjadi.", "When", "When it happened."),
    ("linimasa", "event"): ("Kejadian", "Jenis kejadian (kode).", "Event", "Kind of event (code)."),
    ("linimasa", "from_status"): (
        "Status sebelumnya",
        "Status sebelum kejadian.",
        "Status before",
        "Status before the event.",
    ),
    ("linimasa", "to_status"): (
        "Status sesudahnya",
        "Status sesudah kejadian.",
        "Status after",
        "Status after the event.",
    ),
    ("linimasa", "agency_responsible"): (
        "Unit",
        "Unit yang bertindak atau dituju.",
        "Unit",
        "The unit acting or addressed.",
    ),
    ("linimasa", "actor"): (
        "Pelaku",
        "pelapor, sistem, atau peran petugas.",
        "By",
        "pelapor (reporter), sistem (system) or the officer's role.",
    ),
    ("linimasa", "public"): (
        "Terlihat warga",
        "ya bila pelapor melihat kejadian ini.",
        "Seen by the citizen",
        "ya (yes) when the reporter sees this event.",
    ),
    ("linimasa", "text"): (
        "Teks",
        "Isi pesan (teks pelapor hanya untuk admin).",
        "Text",
        "The message (the reporter's texts for admins only).",
    ),
    ("linimasa", "details"): (
        "Rincian",
        "Data tambahan kejadian.",
        "Details",
        "More data of the event.",
    ),
    ("linimasa", "actor_name"): (
        "Nama pelaku",
        "Hanya untuk admin.",
        "Name of who acted",
        "Admins only.",
    ),
    ("linimasa", "actor_telegram_id"): (
        "ID Telegram pelaku",
        "Hanya untuk admin.",
        "Telegram id of who acted",
        "Admins only.",
    ),
    # --- Survei ----------------------------------------------------------------------
    ("survei", "response_id"): (
        "Nomor respons",
        "Nomor respons SKM.",
        "Response number",
        "The SKM response's number.",
    ),
    ("survei", "submitted_datetime"): (
        "Waktu dikirim",
        "Kapan respons dikirim.",
        "Submitted",
        "When it was submitted.",
    ),
    ("survei", "service_code"): (
        "Kode layanan",
        "Kode layanan dalam berkas kantor.",
        "Service code",
        "The service's code in the office file.",
    ),
    ("survei", "service_name"): ("Layanan", "Nama layanan.", "Service", "The service."),
    ("survei", "agency_responsible"): (
        "Unit",
        "Unit pemberi layanan.",
        "Unit",
        "The unit providing the service.",
    ),
    ("survei", "source"): (
        "Sumber",
        "Cara warga membuka survei (perintah, tautan/QR, undangan).",
        "Source",
        "How the citizen opened the survey (command, link/QR, invitation).",
    ),
    ("survei", "gender"): (
        "Jenis kelamin",
        "Hanya untuk admin (L/P).",
        "Gender",
        "Admins only (L/P).",
    ),
    ("survei", "age_range"): ("Usia", "Hanya untuk admin.", "Age", "Admins only."),
    ("survei", "education"): ("Pendidikan", "Hanya untuk admin.", "Education", "Admins only."),
    ("survei", "occupation"): ("Pekerjaan", "Hanya untuk admin.", "Occupation", "Admins only."),
    ("survei", "suggestion"): ("Saran", "Hanya untuk admin.", "Suggestion", "Admins only."),
    # --- Kegiatan --------------------------------------------------------------------
    ("kegiatan", "activity_id"): (
        "Nomor kegiatan",
        "Nomor kegiatan.",
        "Activity number",
        "The activity's number.",
    ),
    ("kegiatan", "kind"): (
        "Jenis",
        "pelatihan atau forum.",
        "Kind",
        "pelatihan (training) or forum.",
    ),
    ("kegiatan", "title"): ("Judul", "Judul kegiatan.", "Title", "The activity's title."),
    ("kegiatan", "start_datetime"): ("Mulai", "Waktu mulai.", "Starts", "When it starts."),
    ("kegiatan", "end_datetime"): ("Berakhir", "Waktu berakhir.", "Ends", "When it ends."),
    ("kegiatan", "duration_minutes"): (
        "Durasi (menit)",
        "Lama kegiatan.",
        "Duration (minutes)",
        "How long it lasts.",
    ),
    ("kegiatan", "place"): ("Tempat", "Tempat atau tautan.", "Place", "Place or link."),
    ("kegiatan", "jp_per_attendee"): (
        "JP per peserta",
        "JP yang dikreditkan kepada tiap peserta pelatihan.",
        "JP per attendee",
        "JP credited to each attendee of a training.",
    ),
    ("kegiatan", "cost_rupiah"): ("Biaya (Rp)", "Biaya kegiatan.", "Cost (Rp)", "The cost."),
    ("kegiatan", "status"): (
        "Status",
        "terjadwal, selesai (sudah berakhir), atau dibatalkan.",
        "Status",
        "terjadwal (scheduled), selesai (ended) or dibatalkan (cancelled).",
    ),
    ("kegiatan", "invited"): ("Diundang", "Jumlah undangan.", "Invited", "Invitations."),
    ("kegiatan", "accepted"): (
        "Akan hadir",
        "Yang menjawab Hadir.",
        "Accepted",
        "Who answered they would come.",
    ),
    ("kegiatan", "declined"): (
        "Tidak bisa",
        "Yang menjawab Tidak bisa.",
        "Declined",
        "Who answered they could not.",
    ),
    ("kegiatan", "attended"): (
        "Hadir",
        "Yang hadir menurut daftar hadir (kosong bila belum disimpan).",
        "Attended",
        "Present according to the attendance (empty until it is saved).",
    ),
    ("kegiatan", "jp_credited"): (
        "JP diberikan",
        "Jumlah JP yang dikreditkan.",
        "JP credited",
        "Total JP credited.",
    ),
    ("kegiatan", "attendees"): ("Peserta hadir", "Hanya untuk admin.", "Attendees", "Admins only."),
}

ID: dict[str, str] = {
    "xl.dictionary": "Kamus Data",
    "xl.dict.sheet": "Lembar",
    "xl.dict.header": "Kolom",
    "xl.dict.field": "Nama field",
    "xl.dict.open311": "Open311",
    "xl.dict.about": "Keterangan",
    "xl.dict.yes": "ya",
    "xl.survei.unsur": "{key} {name}",
    "xl.survei.unsur.about": "Skor unsur {key} {name}: 1 sampai 4 (PermenPANRB 14/2017).",
    **{f"xl.{sheet}.{field}": texts[0] for (sheet, field), texts in _COLUMNS.items()},
    **{f"xl.{sheet}.{field}.about": texts[1] for (sheet, field), texts in _COLUMNS.items()},
}

EN: dict[str, str] = {
    "xl.dictionary": "Kamus Data",  # the sheet keeps its name: systems look it up
    "xl.dict.sheet": "Sheet",
    "xl.dict.header": "Column",
    "xl.dict.field": "Field name",
    "xl.dict.open311": "Open311",
    "xl.dict.about": "Meaning",
    "xl.dict.yes": "yes",
    "xl.survei.unsur": "{key} {name}",
    "xl.survei.unsur.about": "Score of unsur {key} {name}: 1 to 4 (PermenPANRB 14/2017).",
    **{f"xl.{sheet}.{field}": texts[2] for (sheet, field), texts in _COLUMNS.items()},
    **{f"xl.{sheet}.{field}.about": texts[3] for (sheet, field), texts in _COLUMNS.items()},
}
