-- Default offence table (see docs/outcomes.md, "Offence table"): the sections of the Danish penal code
-- (straffeloven, STRFL) and special acts that the Sikker By definitions (seed 002) name, graded by
-- SSP København's levels for single cases: level 4 = personfarlig (vold, røveri, overfald, anvendelse
-- af våben), level 3 = alvorlig (indbrud, groft hærværk, salg af narkotika, trusler om vold, tæskehold).
-- Levels 1-2 are the common lesser offences. Administrators adjust the table at /admin/offences.
insert into out_offence (code, description, ssp_level) values
    ('STRFL-237', 'Manddrab (strfl. § 237)', 4),
    ('STRFL-244', 'Vold (strfl. § 244)', 4),
    ('STRFL-245', 'Grov vold (strfl. § 245)', 4),
    ('STRFL-246', 'Særlig grov vold (strfl. § 246)', 4),
    ('STRFL-119-1', 'Vold eller trusler mod person i offentlig tjeneste (strfl. § 119, stk. 1)', 4),
    ('STRFL-288', 'Røveri (strfl. § 288)', 4),
    ('STRFL-245-OVERFALD', 'Overfald på gaden (strfl. §§ 244-245, gerningsbeskrivelse overfald)', 4),
    ('STRFL-192A', 'Besiddelse af skydevåben under særligt skærpende omstændigheder (strfl. § 192 a)', 4),
    ('STRFL-WEAPON-USE', 'Anvendelse af våben ved personfarlig kriminalitet (strfl. § 81, nr. 4 sammenholdt med §§ 244-246)', 4),
    ('STRFL-276-INDBRUD', 'Indbrudstyveri (strfl. § 276 jf. § 286)', 3),
    ('STRFL-291-2', 'Groft hærværk (strfl. § 291, stk. 2)', 3),
    ('STRFL-191', 'Salg af narkotika af særligt farlig art eller i større mængder (strfl. § 191)', 3),
    ('LEF-SALG', 'Salg eller videreoverdragelse af euforiserende stoffer (lov om euforiserende stoffer § 3, jf. bekendtgørelsens § 27)', 3),
    ('STRFL-266', 'Trusler om vold (strfl. § 266)', 3),
    ('STRFL-TAESKEHOLD', 'Deltagelse i tæskehold (strfl. § 244 jf. § 23, medvirken, og § 134 a)', 3),
    ('STRFL-134A', 'Deltagelse i slagsmål eller lignende under skærpende omstændigheder (strfl. § 134 a)', 3),
    ('STRFL-276', 'Tyveri, butikstyveri (strfl. § 276)', 2),
    ('STRFL-290', 'Hæleri (strfl. § 290)', 2),
    ('STRFL-291-1', 'Hærværk (strfl. § 291, stk. 1)', 2),
    ('STRFL-293', 'Brugstyveri (strfl. § 293)', 2),
    ('STRFL-119-3', 'Forsøg på at hindre person i offentlig tjeneste (strfl. § 119, stk. 3)', 2),
    ('STRFL-121', 'Fornærmelig tiltale af person i offentlig tjeneste (strfl. § 121)', 2),
    ('VAABENL', 'Overtrædelse af våbenloven (besiddelse)', 2),
    ('KNIVL', 'Besiddelse af kniv på offentligt sted (våbenlovens § 4)', 2),
    ('LEF-BESIDDELSE', 'Besiddelse af euforiserende stoffer til eget brug', 1),
    ('FAERDSL', 'Overtrædelse af færdselsloven', 1),
    ('ORDENSBKG', 'Overtrædelse af ordensbekendtgørelsen', 1);
