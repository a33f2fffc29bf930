"""Texts of a source's standing and of disputed dates: source kinds, the single-source mark, a disputed start."""

TEXTS = {
    "kind_original": {"en": "original", "es": "original"},
    "kind_copy": {"en": "copy of {original}", "es": "copia de {original}"},
    "kind_wire": {"en": "wire story, {original}", "es": "nota de agencia, {original}"},
    "kind_official": {"en": "official statement", "es": "declaración oficial"},
    "kind_ngo": {"en": "NGO count", "es": "conteo de una ONG"},
    "single_source": {"en": "Single source: one outlet only, not independently confirmed",
                      "es": "Fuente única: un solo medio, sin confirmación independiente"},
    "legend_single_source": {
        "en": "Dashed outline: single source (one outlet, not independently confirmed)",
        "es": "Contorno discontinuo: fuente única (un solo medio, sin confirmación independiente)"},
    "start_disputed": {"en": "{start} or {latest} (start disputed)", "es": "{start} o {latest} (inicio en disputa)"},
    "disputed_start": {"en": "start disputed: {start} or {latest}", "es": "inicio en disputa: {start} o {latest}"},
    "legend_disputed_start": {"en": "Dashed outline: the control's start is disputed on this day",
                              "es": "Contorno discontinuo: el inicio del control está en disputa ese día"},
}
