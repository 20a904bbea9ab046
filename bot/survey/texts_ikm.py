"""/ikm: the satisfaction index report for supervisors and unit heads."""

from __future__ import annotations

ID: dict[str, str] = {
    "cmd.ikm": "Indeks Kepuasan Masyarakat (IKM) per periode",
    "ikm.usage": (
        "Periode <b>{text}</b> tidak dikenali. Contoh:\n"
        "<code>/ikm</code> — bulan ini\n"
        "<code>/ikm tahun</code> — tahun ini\n"
        "<code>/ikm 2026-11</code> — November 2026\n"
        "<code>/ikm 2026</code> — tahun 2026\n"
        "<code>/ikm 2026-11-01..2026-11-15</code> — rentang tanggal\n"
        "Tambahkan kode layanan dan, bila perlu, populasi pengguna layanan pada periode itu: "
        "<code>/ikm 2026-11 KTP populasi=250</code>\nKode layanan: {codes}"
    ),
    "ikm.unknown_service": "Kode layanan <b>{code}</b> tidak dikenal. Pilihan: {codes}",
    "ikm.not_your_unit": (
        "Layanan <b>{service}</b> bukan layanan unit Anda. Layanan unit Anda: {codes}"
    ),
    "ikm.no_unit": "Akun Anda belum terhubung ke unit; hubungi admin.",
    "ikm.unit_without_services": (
        "Layanan <b>{service}</b> bukan layanan unit Anda, dan unit Anda tidak memiliki "
        "layanan yang disurvei (SKM) di berkas kantor; IKM layanan unit lain dilihat pimpinan."
    ),
    "ikm.empty": "Belum ada responden survei untuk {scope} pada {period}.",
    "ikm.scope.office": "seluruh layanan",
    "ikm.scope.unit": "layanan {unit}",
    "ikm.report": (
        "📊 <b>Indeks Kepuasan Masyarakat</b>\n{scope} · {period}\n\n"
        "<b>Per unsur</b> (NRR · NRR tertimbang · mutu)\n{lines}\n\n"
        "IKM: {ikm} (skala 1–4)\n"
        "<b>IKM konversi: {converted}</b>\n"
        "<b>Mutu pelayanan: {mutu} ({kinerja})</b>\n\n"
        "{sample}\n\n"
        "<b>Prioritas perbaikan</b>\n{weakest}{sample_basis}{weight_note}"
    ),
    "ikm.incomplete": (
        "📊 <b>Indeks Kepuasan Masyarakat</b>\n{scope} · {period}\n\n{lines}\n\n"
        "Responden: {respondents}. IKM belum dapat dihitung: unsur {keys} belum dijawab."
    ),
    "ikm.line": "{key} {name}: {nrr} · {weighted} · {mutu}",
    "ikm.line_empty": "{key} {name}: belum dijawab",
    "ikm.mutu": "{mutu} ({kinerja})",
    "ikm.weak_line": "{rank}. {key} {name} — NRR {nrr}",
    "ikm.sample_short": "⚠️ Perlu {minimum} responden agar hasilnya mewakili; baru {respondents}.",
    "ikm.sample_met": "Responden: {respondents}, cukup agar hasilnya mewakili (perlu {minimum}).",
    "ikm.sample_unknown": (
        "Responden: {respondents}. Berapa yang diperlukan agar mewakili belum dapat dihitung: "
        "jumlah pengguna layanan tidak diketahui (tambahkan <code>populasi=N</code>)."
    ),
    "ikm.basis_office": (
        "\n\n<i>Jumlah responden yang diperlukan: rumus Krejcie–Morgan dari {population} "
        "pengguna layanan pada periode ini ({yearly} per tahun menurut berkas kantor).</i>"
    ),
    "ikm.basis_given": (
        "\n\n<i>Jumlah responden yang diperlukan: rumus Krejcie–Morgan dari {population} "
        "pengguna layanan.</i>"
    ),
    "ikm.weight_rounded": "\n\n<i>Bobot tiap unsur 0,11 (dibulatkan), sesuai berkas kantor.</i>",
    "ikm.kinerja.sangat_baik": "Sangat baik",
    "ikm.kinerja.baik": "Baik",
    "ikm.kinerja.kurang_baik": "Kurang baik",
    "ikm.kinerja.tidak_baik": "Tidak baik",
    "ikm.period.month": "{month} {year}",
    "ikm.period.year": "tahun {year}",
    "ikm.period.range": "{first} – {last}",
}

EN: dict[str, str] = {
    "cmd.ikm": "Public satisfaction index (IKM) for a period",
    "ikm.usage": (
        "The period <b>{text}</b> is not understood. Examples:\n"
        "<code>/ikm</code> — this month\n"
        "<code>/ikm tahun</code> — this year\n"
        "<code>/ikm 2026-11</code> — November 2026\n"
        "<code>/ikm 2026</code> — the year 2026\n"
        "<code>/ikm 2026-11-01..2026-11-15</code> — a date range\n"
        "Add a service code and, if needed, the number of service users in the period: "
        "<code>/ikm 2026-11 KTP populasi=250</code>\nService codes: {codes}"
    ),
    "ikm.unknown_service": "Unknown service code <b>{code}</b>. Choices: {codes}",
    "ikm.not_your_unit": (
        "The service <b>{service}</b> is not one of your unit's. Your unit's services: {codes}"
    ),
    "ikm.no_unit": "Your account is not linked to a unit yet; please ask the admin.",
    "ikm.unit_without_services": (
        "The service <b>{service}</b> is not one of your unit's, and your unit has no "
        "surveyed (SKM) services in the office file; other units' IKM is for supervisors."
    ),
    "ikm.empty": "No survey respondents yet for {scope} in {period}.",
    "ikm.scope.office": "all services",
    "ikm.scope.unit": "services of {unit}",
    "ikm.report": (
        "📊 <b>Public satisfaction index (IKM)</b>\n{scope} · {period}\n\n"
        "<b>Per unsur</b> (NRR · weighted NRR · grade)\n{lines}\n\n"
        "IKM: {ikm} (scale 1–4)\n"
        "<b>Converted IKM: {converted}</b>\n"
        "<b>Service quality: {mutu} ({kinerja})</b>\n\n"
        "{sample}\n\n"
        "<b>Improvement priorities</b>\n{weakest}{sample_basis}{weight_note}"
    ),
    "ikm.incomplete": (
        "📊 <b>Public satisfaction index (IKM)</b>\n{scope} · {period}\n\n{lines}\n\n"
        "Respondents: {respondents}. The IKM cannot be computed yet: no answers for {keys}."
    ),
    "ikm.line": "{key} {name}: {nrr} · {weighted} · {mutu}",
    "ikm.line_empty": "{key} {name}: no answers yet",
    "ikm.mutu": "{mutu} ({kinerja})",
    "ikm.weak_line": "{rank}. {key} {name} — NRR {nrr}",
    "ikm.sample_short": (
        "⚠️ {minimum} respondents are needed for a representative result; so far {respondents}."
    ),
    "ikm.sample_met": "Respondents: {respondents}, enough to be representative ({minimum} needed).",
    "ikm.sample_unknown": (
        "Respondents: {respondents}. How many are needed cannot be computed: the number of "
        "service users is unknown (add <code>populasi=N</code>)."
    ),
    "ikm.basis_office": (
        "\n\n<i>Respondents needed: the Krejcie–Morgan formula for {population} service users "
        "in this period ({yearly} a year according to the office file).</i>"
    ),
    "ikm.basis_given": (
        "\n\n<i>Respondents needed: the Krejcie–Morgan formula for {population} service users.</i>"
    ),
    "ikm.weight_rounded": "\n\n<i>Each unsur weighs 0.11 (rounded), as set in the office file.</i>",
    "ikm.kinerja.sangat_baik": "Very good",
    "ikm.kinerja.baik": "Good",
    "ikm.kinerja.kurang_baik": "Poor",
    "ikm.kinerja.tidak_baik": "Not good",
    "ikm.period.month": "{month} {year}",
    "ikm.period.year": "the year {year}",
    "ikm.period.range": "{first} – {last}",
}
