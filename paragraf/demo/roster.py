"""The demo's people: fictional politicians of Region Örebro län's committees.

Every name is invented. Roles are Membership.Role values, per term of office;
None means the person did not sit on the committee that term.
"""

from datetime import date

TERMS = [
    ("Mandatperiod 2019–2022", date(2019, 1, 1), date(2022, 12, 31)),
    ("Mandatperiod 2023–2026", date(2023, 1, 1), date(2026, 12, 31)),
]

CHAIR, VICE_1, VICE_2 = "ordforande", "vice_ordforande_1", "vice_ordforande_2"
MEMBER, SUBSTITUTE = "ledamot", "ersattare"

# (given name, family name, party, role 2019–2022, role 2023–2026)
REGIONAL_TILLVAXTNAMND = [
    ("Annika", "Strömvall", "S", CHAIR, CHAIR),
    ("Per", "Almqvist", "C", VICE_1, VICE_1),
    ("Lars-Erik", "Hagelin", "M", VICE_2, VICE_2),
    ("Ingrid", "Sundelius", "S", MEMBER, MEMBER),
    ("Johan", "Berglöf", "S", MEMBER, MEMBER),
    ("Amira", "Haddad", "S", MEMBER, MEMBER),
    ("Tomas", "Wiklander", "KD", MEMBER, MEMBER),
    ("Eva", "Granqvist", "M", MEMBER, MEMBER),
    ("Kenneth", "Öberg", "M", MEMBER, MEMBER),
    ("Mikael", "Tornberg", "SD", MEMBER, MEMBER),
    ("Sofia", "Lindmark", "V", MEMBER, MEMBER),
    ("Björn", "Hellsten", "L", MEMBER, SUBSTITUTE),
    ("Elin", "Rydén", "MP", MEMBER, None),
    ("Roger", "Nyhlén", "S", SUBSTITUTE, SUBSTITUTE),
    ("Maja", "Edvinsson", "S", SUBSTITUTE, SUBSTITUTE),
    ("Patrik", "Sahlström", "C", SUBSTITUTE, MEMBER),
    ("Linnea", "Forsgren", "M", SUBSTITUTE, SUBSTITUTE),
    ("Hampus", "Vikberg", "SD", SUBSTITUTE, SUBSTITUTE),
    ("Nadia", "Karlén", "V", SUBSTITUTE, None),
    ("Jonas", "Kärrman", "SD", None, MEMBER),
    ("Ida", "Wester", "MP", None, SUBSTITUTE),
]

# Other committees, 2023–2026 only: (name, short name, slug, kind, description, members).
OTHER_COMMITTEES = [
    (
        "Regionstyrelsen",
        "RS",
        "regionstyrelsen",
        "styrelse",
        "Regionstyrelsen leder och samordnar regionens verksamhet och har uppsikt "
        "över nämndernas arbete.",
        [
            ("Gunnel", "Västerlund", "S", CHAIR),
            ("Per", "Almqvist", "C", VICE_1),
            ("Sven-Olof", "Brask", "M", VICE_2),
            ("Hanna", "Ljungkvist", "KD", MEMBER),
            ("Ali", "Demir", "S", MEMBER),
            ("Cecilia", "Norrby", "SD", MEMBER),
            ("Viktor", "Lundh", "V", SUBSTITUTE),
        ],
    ),
    (
        "Kultur- och fritidsnämnd",
        "KFN",
        "kultur-och-fritidsnamnd",
        "namnd",
        "Kultur- och fritidsnämnden ansvarar för regionens kultur-, bildnings- och fritidsfrågor.",
        [
            ("Marianne", "Sjölander", "C", CHAIR),
            ("Olof", "Brännlund", "S", VICE_1),
            ("Kerstin", "Ahlbäck", "M", VICE_2),
            ("Daniel", "Rosengren", "L", MEMBER),
            ("Amira", "Haddad", "S", SUBSTITUTE),
        ],
    ),
]
