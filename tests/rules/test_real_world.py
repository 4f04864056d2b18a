"""Real-world regression corpus: sentences and short letters as municipalities, housing corporations,
energy and water companies and health insurers write them, and what the rule packs must (not) see.

Each case runs the whole pipeline (`outreach.analyze`) and checks one rule:
- FIRES: the rule reports a finding with a place in the text. For a `required` rule that is the
  helping finding ("the letter says it"); for other rules a finding with the rule's own effect
  (hurts for negative points, helps for positive points).
- SILENT: the rule reports no such finding.
The optional fourth value is the exact text the finding must cover.

These are the checks a user would notice: word forms, negation, word boundaries, paraphrases,
V2 word order ("Dat bepaalt u zelf"), informal "je", questions and compound words.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

import outreach
from outreach.rules.loader import load_rulebook

FIRES, SILENT = True, False

# Two short letters as colleagues run them: an informal good one and a formal poor one.
GOOD_LETTER = """Betreft: even meedenken over je huur?

Hoi Sam,

Je huur van maart staat nog open bij Woonstad. Dat hebben ze ons laten weten. Dat kan iedereen
gebeuren. Wil je er eens over praten? Dan kun je me bellen of appen: 06-12345678, op werkdagen van
9 tot 17 uur. Het is gratis. Als je niet reageert, gebeurt er niets. Je bepaalt zelf of je hulp wilt.

Wij weten alleen dat de huur openstaat. Alleen ons team ziet het. Na zes maanden verwijderen we het.

Groetjes,
Nadia, buurtcoach"""

POOR_LETTER = """Betreft: betalingsachterstand

Geachte heer/mevrouw,

Uit onze administratie blijkt dat u een betalingsachterstand heeft. Het is duidelijk dat uw
financiële situatie aandacht nodig heeft. Een medewerker neemt binnenkort contact met u op. U hoeft
zelf dus niets te doen. Veel mensen met een laag inkomen hebben recht op extra geld. Reageren kan via
het digitale loket.

Hoogachtend,
Afdeling Debiteuren"""

CASES = [
    # ---------------------------------------------------------------- two whole letters
    (GOOD_LETTER, "privacy.source.named", FIRES, "staat nog open bij"),
    (GOOD_LETTER, "privacy.sharing.limits", FIRES, "Alleen ons team"),
    (GOOD_LETTER, "intent.nothing.no_consequence", FIRES, "gebeurt er niets"),
    (GOOD_LETTER, "autonomy.choice.reader_decides", FIRES, None),
    (GOOD_LETTER, "readability.address.mixed", SILENT, None),
    (GOOD_LETTER, "autonomy.decided.announced_contact", SILENT, None),
    (POOR_LETTER, "autonomy.decided.announced_contact", FIRES, None),
    (POOR_LETTER, "intent.nothing.no_consequence", SILENT, None),
    (POOR_LETTER, "tone.warm.normalise", SILENT, None),
    (POOR_LETTER, "tone.label.vulnerable", FIRES, "mensen met een laag inkomen"),
    (POOR_LETTER, "tone.paternal.need_help", FIRES, None),
    (POOR_LETTER, "contact.route.walkin", SILENT, None),
    (POOR_LETTER, "intent.reason.signal_source", SILENT, None),

    # ---------------------------------------------------------------- privacy: where the data came from
    ("Wij schrijven u omdat Energie Noord ons heeft laten weten dat er een rekening openstaat.",
     "privacy.source.named", FIRES, "ons heeft laten weten"),
    ("Wij schrijven u omdat Energie Noord ons heeft laten weten dat er een rekening openstaat.",
     "intent.reason.signal_source", FIRES, "ons heeft laten weten"),
    ("Woonbron liet ons weten dat de huur van maart nog openstaat.",
     "privacy.source.named", FIRES, "liet ons weten"),
    ("Woonbron liet ons weten dat de huur van maart nog openstaat.",
     "intent.reason.signal_source", FIRES, "liet ons weten"),
    ("Dat hoorden wij van uw zorgverzekeraar.", "privacy.source.named", FIRES, "hoorden wij van"),
    ("Dat hoorden wij van uw zorgverzekeraar.", "intent.reason.signal_source", FIRES, "hoorden wij van"),
    ("U heeft de premie van mei nog niet betaald. Dat zien wij in onze eigen administratie.",
     "privacy.source.named", FIRES, "in onze eigen administratie"),
    ("Dat zien wij in onze eigen administratie.", "intent.reason.signal_source", FIRES,
     "in onze eigen administratie"),
    ("Wij kregen een bericht van Vitens over uw waterrekening.", "intent.reason.signal_source", FIRES,
     "Wij kregen een bericht van"),
    ("Wij kregen een bericht van Vitens over uw waterrekening.", "privacy.source.named", FIRES, None),
    ("Wij schrijven u omdat uw verhuurder ons heeft gemeld dat de huur nog openstaat.",
     "privacy.source.named", FIRES, "ons heeft gemeld"),
    ("Uw verhuurder heeft ons gemeld dat de huur nog openstaat.", "intent.reason.signal_source", FIRES, None),
    ("Wij weten dit via de afspraken die wij met woningcorporaties hebben (convenant).",
     "intent.reason.signal_source", FIRES, "afspraken die wij met woningcorporaties"),
    ("Wij weten dit via de afspraken die wij met woningcorporaties hebben.",
     "privacy.source.named", FIRES, "afspraken die wij met woningcorporaties"),
    ("Dat weten wij omdat uw zorgverzekeraar het aan de gemeente heeft doorgegeven.",
     "privacy.source.named", FIRES, "aan de gemeente heeft doorgegeven"),
    ("De huur staat nog open. Dat hebben ze ons laten weten.", "intent.reason.signal_source", FIRES,
     "hebben ze ons laten weten"),
    ("Woonbron en Vitens werken met ons samen. Zij geven ons een seintje als een rekening openstaat.",
     "privacy.source.named", FIRES, "geven ons een seintje"),
    ("Die gegevens hebben wij van uw aanvraag vorig jaar.", "privacy.source.named", FIRES, None),
    ("Laat ons weten of u hulp wilt.", "privacy.source.named", SILENT, None),
    ("Wilt u ons laten weten wanneer het u uitkomt?", "privacy.source.named", SILENT, None),
    ("Wij hebben nog niets van u gehoord.", "intent.reason.signal_source", SILENT, None),
    ("Wij ontvangen graag een bericht van u.", "intent.reason.signal_source", SILENT, None),
    ("Uit onze administratie blijkt dat u een achterstand heeft.", "intent.reason.signal_source", SILENT, None),

    # ---------------------------------------------------------------- privacy: who sees it, rights, retention
    ("Alleen ons team ziet het.", "privacy.sharing.limits", FIRES, "Alleen ons team"),
    ("Alleen uw contactpersoon kan dit inzien.", "privacy.sharing.limits", FIRES, "Alleen uw contactpersoon"),
    ("Wij vertellen het aan niemand.", "privacy.sharing.limits", FIRES, "vertellen het aan niemand"),
    ("U hoeft met niemand te praten als u dat niet wilt.", "privacy.sharing.limits", SILENT, None),
    ("Onze deur staat altijd open bij vragen.", "privacy.source.named", SILENT, None),
    ("Wat u met mij bespreekt, vertel ik niet aan Woonstichting De Linde.", "privacy.sharing.limits", FIRES,
     "vertel ik niet aan"),
    ("Wij weten alleen uw naam en adres.", "privacy.sharing.limits", SILENT, None),
    ("U blijft altijd welkom bij ons.", "privacy.sharing.limits", SILENT, None),
    ("Wij kunnen gegevens opvragen bij derden.", "privacy.rights.named", SILENT, None),
    ("Meer over uw recht op de Stadspas leest u op onze website.", "privacy.rights.named", SILENT, None),
    ("Alleen uw contactpersoon kan dit inzien.", "privacy.rights.named", SILENT, None),
    ("U kunt bezwaar maken tegen dit besluit.", "privacy.rights.named", SILENT, None),
    ("U kunt uw termijnbedrag laten aanpassen.", "privacy.rights.named", SILENT, None),
    ("U mag uw gegevens altijd inzien.", "privacy.rights.named", FIRES, None),
    ("U heeft het recht om uw gegevens in te zien.", "privacy.rights.named", FIRES, None),
    ("U mag altijd vragen wat wij van u weten.", "privacy.rights.named", FIRES, "vragen wat wij van u weten"),
    ("Wij bewaren uw gegevens niet langer dan nodig.", "privacy.retention.vague", FIRES, "niet langer dan nodig"),
    ("Op 4 mei 2026 verwijderen wij het.", "privacy.retention.period", FIRES, None),
    ("Wij bewaren je gegevens drie maanden. Daarna gooien we ze weg.", "privacy.retention.period", FIRES, None),
    ("Voor deze brief gebruiken wij alleen uw naam en adres.", "privacy.purpose.stated", FIRES, None),
    ("Wij houden uw betalingen in de gaten.", "privacy.wording.surveillance", FIRES, "in de gaten"),
    ("Wij houden u niet in de gaten.", "privacy.wording.surveillance", SILENT, None),
    ("U komt niet op een lijst.", "privacy.wording.registered", SILENT, None),

    # ---------------------------------------------------------------- contact
    ("Reageren kan via het digitale loket.", "contact.route.walkin", SILENT, None),
    ("Regel het via ons online loket.", "contact.route.walkin", SILENT, None),
    ("Reageren kan via het digitale loket.", "contact.route.nondigital", FIRES, None),
    ("U kunt ook naar het loket in het stadhuis.", "contact.route.walkin", FIRES, "loket"),
    ("Er is een telefonisch spreekuur.", "contact.route.walkin", SILENT, None),
    ("U kunt ook gewoon binnenlopen bij het wijkcentrum, elke woensdag tussen 9 en 12 uur.",
     "contact.route.walkin", FIRES, None),
    ("Wij komen ook bij je thuis als je dat fijner vindt.", "contact.route.home_visit", FIRES, "bij je thuis"),
    ("Bel Fatima op 06-12345678.", "contact.person.named", FIRES, "Bel Fatima"),
    ("Bel Gemeente Utrecht op 14 030.", "contact.person.named", SILENT, None),
    ("Aanmelden kan alleen via Mijn Omgeving op onze website.", "contact.hurt.digital_only", FIRES, None),
    ("Reageren kan niet alleen online, maar ook per telefoon.", "contact.hurt.digital_only", SILENT, None),
    ("Begrijp je deze brief niet goed? Bel ons, dan leggen we het uit.", "contact.access.reading_help", FIRES,
     None),
    ("Onze medewerkers zijn telefonisch niet bereikbaar.", "contact.hurt.no_phone", FIRES, None),
    ("Kijk voor onze openingstijden op de website.", "contact.hurt.details_elsewhere", FIRES, None),

    # ---------------------------------------------------------------- autonomy
    ("Een medewerker neemt contact met u op. U hoeft zelf dus niets te doen.",
     "autonomy.decided.announced_contact", FIRES, "medewerker neemt contact met u op"),
    ("Een medewerker van ons team neemt binnen twee weken telefonisch contact met u op.",
     "autonomy.decided.announced_contact", FIRES, None),
    ("Volgende week belt onze budgetcoach u.", "autonomy.decided.announced_contact", FIRES, None),
    ("Als u wilt, neemt een medewerker contact met u op.", "autonomy.decided.announced_contact", SILENT, None),
    ("Uw energieleverancier heeft ons laten weten dat de rekening openstaat. Wij bellen u volgende week.",
     "autonomy.decided.announced_contact", FIRES, "Wij bellen u"),
    ("Wij bellen u dinsdag. Past dat niet? Laat het ons dan weten.",
     "autonomy.decided.announced_contact", SILENT, None),
    ("Dat bepaalt u zelf.", "autonomy.choice.reader_decides", FIRES, "bepaalt u"),
    ("Wanneer het gesprek is, bepaal jij.", "autonomy.choice.reader_decides", FIRES, "bepaal jij"),
    ("Wilt u een afspraak, dan kunt u ons bellen.", "autonomy.choice.reader_decides", FIRES, None),
    ("Het is helemaal aan u.", "autonomy.choice.reader_decides", FIRES, None),
    ("U bepaalt niet wanneer de afspraak is.", "autonomy.choice.reader_decides", SILENT, None),
    ("Daarom hebben wij een telefonische afspraak voor u ingepland.", "autonomy.decided.appointment_set", FIRES,
     None),
    ("Wij hebben een gesprek voor u gepland op donderdag 14 november.", "autonomy.decided.appointment_set",
     FIRES, None),
    ("Wij hebben u alvast aangemeld bij het Geldloket.", "autonomy.decided.signed_up", FIRES, None),
    ("Wij melden u niet aan zonder uw toestemming.", "autonomy.decided.signed_up", SILENT, None),
    ("Wat u moet doen, staat hieronder.", "autonomy.obligation.must", SILENT, None),
    ("Wij zijn verplicht om u te informeren.", "autonomy.obligation.must", SILENT, None),
    ("Wij wijzen u erop dat u verplicht bent om alle stukken mee te nemen.", "autonomy.obligation.must", FIRES,
     "u verplicht bent"),
    ("Wij verzoeken u vriendelijk doch dringend contact op te nemen.", "autonomy.obligation.pushing", FIRES,
     None),
    ("Wij bellen u zo snel mogelijk terug.", "autonomy.obligation.pushing", SILENT, None),
    ("Dat mag volgens de Wet gemeentelijke schuldhulpverlening.", "autonomy.escalation.heavy_words", SILENT,
     None),
    ("U kunt terecht bij de gemeentelijke schuldhulpverlening.", "autonomy.escalation.process_words", FIRES,
     "schuldhulpverlening"),
    ("Er komt geen aantekening in een dossier.", "autonomy.escalation.heavy_words", SILENT, None),
    ("Er komt geen aantekening of notitie in uw dossier.", "autonomy.escalation.heavy_words", SILENT, None),
    ("Er wordt niets over u vastgelegd in een dossier.", "autonomy.escalation.heavy_words", SILENT, None),
    ("Ter indicatie: het gesprek duurt een half uur.", "autonomy.escalation.heavy_words", SILENT, None),
    ("Wij maken een aantekening in uw dossier.", "autonomy.escalation.heavy_words", FIRES,
     "aantekening in uw dossier"),
    ("U komt niet op een lijst en er wordt niets vastgelegd.", "autonomy.exit.no_registration", FIRES, None),
    ("U kunt eerst zelf de geldcheck doen. Komt u er niet uit? Dan kijken wij met u mee.",
     "autonomy.self.diy_without_backup", SILENT, None),
    ("Een medewerker neemt contact met u op. U hoeft zelf dus niets te doen.",
     "autonomy.self.do_it_yourself", SILENT, None),
    ("Zelf hoeft u niets te doen.", "autonomy.exit.say_no", SILENT, None),

    # ---------------------------------------------------------------- intent
    ("Een medewerker neemt contact met u op. U hoeft zelf dus niets te doen.",
     "intent.nothing.no_consequence", SILENT, None),
    ("U hoeft niets te doen: wij bellen u volgende week.", "intent.nothing.no_consequence", SILENT, None),
    ("Wilt u geen hulp? Dan hoeft u niets te doen.", "intent.nothing.no_consequence", FIRES,
     "hoeft u niets te doen"),
    ("Als u niet reageert, heeft dat nog geen gevolgen.", "intent.nothing.no_consequence", SILENT, None),
    ("Een medewerker neemt contact met u op.", "intent.step.next_step", SILENT, None),
    ("Neemt u gerust contact met ons op.", "intent.step.next_step", FIRES, None),
    ("Zelf hoeft u niets te doen.", "intent.offer.voluntary", SILENT, None),
    ("Misschien heeft u het al geregeld. Dan kunt u deze brief weggooien.", "intent.offer.voluntary", FIRES,
     None),
    ("Deelname is niet vrijblijvend.", "intent.offer.voluntary", SILENT, None),
    ("U krijgt deze brief niet omdat u iets fout heeft gedaan.", "intent.reason.no_blame", FIRES, None),
    ("Omdat uw premie nog niet is betaald, sturen wij u deze brief.", "intent.reason.why_we_write", FIRES, None),
    ("U krijgt deze brief omdat uw Westerveenpas op 31 december afloopt.", "intent.reason.occasion", FIRES,
     None),
    ("Wij willen u er graag op wijzen dat er hulp is.", "intent.mixed.vague_frame", FIRES, None),
    ("Aanmelden kan via Mijn Omgeving op onze website.", "intent.sender.first_person", SILENT, None),
    ("Gemeente Westerveen\nTeam Geldzaken\n\nBeste meneer Bakker,\n\nUw rekening staat nog open.\n\n"
     "Met vriendelijke groet,\n\nTeam Geldzaken", "intent.offer.what", SILENT, None),

    # ---------------------------------------------------------------- tone
    ("Veel mensen met een laag inkomen hebben recht op extra geld.", "tone.warm.normalise", SILENT, None),
    ("Veel mensen met een laag inkomen hebben recht op extra geld.", "tone.label.vulnerable", FIRES,
     "mensen met een laag inkomen"),
    ("Veel mensen vinden het lastig om over geld te praten.", "tone.warm.normalise", FIRES, "Veel mensen"),
    ("Dat vinden veel mensen lastig.", "tone.warm.normalise", FIRES, None),
    ("Je staat er niet alleen voor.", "tone.warm.normalise", FIRES, None),
    ("U bent zeker niet de enige.", "tone.warm.normalise", FIRES, None),
    ("Heeft u een laag inkomen? Dan kunt u misschien toeslag krijgen.", "tone.label.vulnerable", SILENT, None),
    ("Het is duidelijk dat uw financiële situatie aandacht nodig heeft.", "tone.paternal.need_help", FIRES,
     "uw financiële situatie aandacht nodig heeft"),
    ("Vindt u dat uw geldzaken aandacht nodig hebben? Bel ons.", "tone.paternal.need_help", SILENT, None),
    ("Heeft u hulp nodig? Bel ons.", "tone.paternal.need_help", SILENT, None),
    ("Toch is het verstandig om er niet te lang mee te wachten.", "tone.paternal.lecture", FIRES, None),
    ("Het is belangrijk dat u weet dat hulp gratis is.", "tone.paternal.lecture", SILENT, None),
    ("Een medewerker neemt contact met u op. U hoeft zelf dus niets te doen.", "tone.warm.reassure", SILENT,
     None),
    ("Deze brief is geen aanmaning en u heeft niets fout gedaan.", "tone.warm.reassure", FIRES, None),
    ("U krijgt nog geen boete.", "tone.warm.reassure", SILENT, None),
    ("U krijgt nog geen boete.", "tone.threat.penalty", FIRES, "nog geen boete"),
    ("Wij schakelen nog geen deurwaarder in.", "tone.threat.enforcement", FIRES, "nog geen deurwaarder"),
    ("Wij schakelen geen deurwaarder in.", "tone.threat.enforcement", SILENT, None),
    ("Als u niet betaalt, kunnen wij de levering afsluiten.", "tone.threat.enforcement", FIRES,
     "levering afsluiten"),
    ("Het gesprek neemt ongeveer een uur in beslag.", "tone.threat.enforcement", SILENT, None),
    ("Deelname is niet vrijblijvend.", "tone.threat.obligation", FIRES, "niet vrijblijvend"),
    ("Uw gegevens worden niet langer bewaard dan wettelijk verplicht is.", "tone.threat.obligation", SILENT,
     None),
    ("U bent nergens toe verplicht.", "tone.threat.obligation", SILENT, None),
    ("Wij hebben vastgesteld dat u recht heeft op kwijtschelding.", "tone.blame.accuse", SILENT, None),
    ("Wij hebben geconstateerd dat u in financiële problemen zit.", "tone.blame.accuse", FIRES, None),
    ("Je hebt je rekening nog niet betaald.", "tone.blame.accuse", FIRES, None),
    ("Misschien heeft u de rekening nog niet betaald.", "tone.blame.accuse", SILENT, None),
    ("Misschien vindt u het moeilijk om hulp te vragen. Dat begrijpen wij.", "tone.warm.empathy", FIRES,
     "Dat begrijpen wij"),
    ("Je doet het goed!", "tone.warm.going_well", FIRES, None),
    ("Het gaat niet goed met de betalingen.", "tone.warm.going_well", SILENT, None),
    ("U dient de gevraagde stukken binnen 14 dagen aan te leveren.", "tone.pressure.deadline", FIRES,
     "binnen 14 dagen"),
    ("U krijgt binnen 5 werkdagen antwoord.", "tone.pressure.deadline", SILENT, None),
    ("Als u niet reageert, gebeurt er niets.", "tone.threat.if_no_reply", SILENT, None),
    ("Indien u niet binnen 14 dagen reageert, zijn wij genoodzaakt maatregelen te nemen.",
     "tone.threat.if_no_reply", FIRES, "Indien u niet binnen 14 dagen reageert"),

    # ---------------------------------------------------------------- readability
    ("Middels deze brief informeren wij u omtrent de mogelijkheden.", "tone.officialese.words", FIRES,
     "Middels"),
    ("U kunt een aanvraag indienen bij de gemeente.", "tone.officialese.words", SILENT, None),
    ("Wij bellen u z.s.m. terug i.v.m. uw vraag.", "readability.word.abbreviations", FIRES, "z.s.m."),
    ("Kijk op www.geldcheck.nl of mail naar info@gemeente.nl.", "readability.word.abbreviations", SILENT, None),
    ("Dit valt onder vroegsignalering.", "readability.word.jargon", FIRES, "vroegsignalering"),
    ("U krijgt deze brief omdat je huur nog open staat.", "readability.address.mixed", FIRES, "je"),
    ("Je krijgt deze brief omdat je huur nog open staat.", "readability.address.mixed", SILENT, None),
    ("Het is niet zo dat u geen hulp kunt krijgen.", "readability.sentence.negations", FIRES, None),
    ("Dan kunt u deze brief als niet verzonden beschouwen.", "tone.officialese.words", FIRES,
     "als niet verzonden beschouwen"),

    # ---------------------------------------------------------------- second precision pass
    ("De budgetcoach komt alleen als u dat wilt.", "privacy.sharing.limits", SILENT, None),
    ("Wij verkopen uw gegevens nooit.", "privacy.sharing.limits", FIRES, None),
    ("Bent u het niet eens met deze beslissing? Dan kunt u bezwaar maken.", "privacy.rights.named", SILENT,
     None),
    ("Wilt u niet dat wij uw gegevens gebruiken? Dan kunt u bezwaar maken.", "privacy.rights.named", FIRES,
     None),
    ("Je gegevens bewaren we een half jaar.", "privacy.retention.period", FIRES, None),
    ("Wij kijken niet naar uw bankrekening.", "privacy.data.knowledge_limits", FIRES, None),
    ("Via uw woningcorporatie weten wij dat de huur nog openstaat.", "privacy.source.named", FIRES,
     "Via uw woningcorporatie"),
    ("Uw energieleverancier gaf ons een seintje.", "intent.reason.signal_source", FIRES, None),
    ("Wij gebruiken uw gegevens om te controleren of u recht heeft op de regeling.",
     "intent.mixed.control_frame", FIRES, None),
    ("Heeft u schulden? Dan kunnen wij u helpen.", "tone.label.problem_fact", SILENT, None),
    ("Heeft u schulden? Dan kunnen wij u helpen.", "intent.offer.what", FIRES, None),
    ("Iedereen in Westerveen krijgt deze brief.", "intent.reason.why_we_write", FIRES, None),
    ("Een medewerker van Woonbron komt bij u langs om kennis te maken.", "intent.step.next_step", SILENT, None),
    ("Een medewerker van Woonbron komt graag langs om kennis te maken, als u dat wilt.",
     "autonomy.decided.appointment_set", SILENT, None),
    ("Uw naam komt nergens op een lijst.", "autonomy.exit.no_registration", FIRES, None),
    ("Onze schuldhulpverleners zijn er voor je.", "autonomy.self.help_in_background", FIRES, None),
    ("Zet uw rekeningen op een rij met ons stappenplan.", "autonomy.self.diy_without_backup", FIRES, None),
    ("Wij hebben een afspraak voor u ingepland. Komt dat niet uit? Bel ons om de afspraak te verzetten.",
     "autonomy.decided.fixed_appointment_no_change", SILENT, None),
    ("Betaal het bedrag vóór 1 juni.", "tone.pressure.deadline", FIRES, None),
    ("Eén op de vijf huishoudens heeft moeite om rond te komen.", "tone.warm.normalise", FIRES, None),
    ("Je hoeft je nergens voor te schamen.", "tone.warm.normalise", FIRES, None),
    ("Je bent niet verplicht om mee te doen, maar we raden het je wel aan.", "tone.paternal.lecture", FIRES,
     None),

    # ---------------------------------------------------------------- unseen letters (review 2026)
    # Names with a capital outside A-Z are personal salutations, not "Beste heer,".
    ("Beste heer Öztürk,\n\nIk schrijf u omdat de huur nog openstaat.", "tone.cold.impersonal_salutation",
     SILENT, None),
    ("Beste heer Öztürk,\n\nIk schrijf u omdat de huur nog openstaat.", "tone.warm.personal_salutation",
     FIRES, "Beste heer Öztürk"),
    ("Beste Şükrü,\n\nIk schrijf je omdat de huur nog openstaat.", "tone.warm.personal_salutation", FIRES, None),
    # IBANs, reference codes and SMS keywords are not shouting; IBAN digits are no next step.
    ("Maak het bedrag over op NL91 ABNA 0417 1643 00 onder vermelding van DEB/2026/118842.",
     "tone.shout.capitals", SILENT, None),
    ("Maak het bedrag over op NL91 ABNA 0417 1643 00.", "intent.step.next_step", SILENT, None),
    ("Afmelden? Stuur STOP.", "tone.shout.capitals", SILENT, None),
    ("Vragen? Bel de BelastingTelefoon: 0800 - 0543.", "intent.step.next_step", FIRES, "0800 - 0543"),
    # Word order and paraphrase of what the research asks for.
    ("Als u geen hulp wilt, hoeft u niet te reageren. Er gebeurt dan niets.", "intent.nothing.no_consequence",
     FIRES, "Er gebeurt dan niets"),
    ("Het is helemaal gratis en jij bepaalt of je dat wilt.", "intent.offer.voluntary", FIRES, None),
    ("Bellen of langskomen, als u wel hulp wilt.", "intent.offer.voluntary", FIRES, None),
    ("Wij helpen gratis en zonder verplichting.", "intent.offer.what", FIRES, "Wij helpen gratis"),
    ("De afgelopen jaren betaalde je altijd netjes op tijd.", "tone.warm.going_well", FIRES, None),
    ("Geen stress: dat gebeurt vaker dan je denkt, zeker nu alles zo duur is.", "tone.warm.normalise", FIRES,
     "vaker dan je denkt"),
    ("Reageer je niet? Dan bel ik je nog één keer. Daarna laat ik het verder bij jou.",
     "intent.nothing.silence_unexplained", SILENT, None),
    # A letter to everyone that knows nothing about the reader says so: that is data and source.
    ("Daarom sturen we deze brief naar alle huishoudens in de gemeente. We weten dus niets over jouw situatie.",
     "intent.reason.signal_source", FIRES, "naar alle huishoudens"),
    ("Daarom sturen we deze brief naar alle huishoudens in de gemeente. We weten dus niets over jouw situatie.",
     "privacy.data.knowledge_limits", FIRES, None),
    ("Wij weten niets over uw persoonlijke situatie.", "privacy.data.what", FIRES, None),
    ("Wij sturen deze brief naar alle huishoudens met een betalingsachterstand.", "intent.reason.signal_source",
     SILENT, None),
    ("De gemeente heeft ons gevraagd om alle inwoners van de wijk Oosterpark te laten weten wat wij doen.",
     "intent.reason.why_we_write", FIRES, None),
    # Privacy paraphrases: a named person, "weggooien", passing data on in a subordinate clause.
    ("Alleen Henk ziet deze gegevens.", "privacy.sharing.limits", FIRES, "Alleen Henk ziet"),
    ("Na 3 maanden gooien wij het weg, tenzij u hulp krijgt.", "privacy.retention.period", FIRES, None),
    ("Wij wijzen u erop dat wij uw gegevens ter kennisname aan de gemeente Utrecht verstrekken.",
     "privacy.sharing.without_consent", FIRES, None),
    ("Wij wijzen u erop dat wij uw gegevens ter kennisname aan de gemeente Utrecht verstrekken.",
     "autonomy.decided.data_passed_on", FIRES, None),
    ("Download de FinCheck app en connect je bankrekening via PSD2.", "privacy.wording.surveillance", FIRES,
     "connect je bankrekening"),
    # Threats in officialese.
    ("Mocht betaling uitblijven, dan behouden wij ons het recht voor de vordering ter incasso uit handen te geven.",
     "tone.threat.enforcement", FIRES, "ter incasso uit handen te geven"),
    # Backup that is there, and payment plans that are not ongoing help.
    ("Na de test krijg je tips, en als je wilt de naam van iemand in de buurt die je kan helpen.",
     "autonomy.self.diy_without_backup", SILENT, None),
    ("U kunt de vordering in maandelijkse termijnen aflossen.", "autonomy.exit.ongoing_without_exit", SILENT,
     None),
    # The reassurance the research recommends is no double negation.
    ("Als u niets doet, heeft dat geen gevolgen.", "readability.sentence.negations", SILENT, None),
    ("Dit is geen aanmaning en u krijgt geen boete.", "readability.sentence.negations", SILENT, None),
    ("Ingevolge art. 4:93 Awb dient de vordering binnen zes weken te worden voldaan.",
     "readability.word.abbreviations", FIRES, "Awb"),
    ("Klik op de button en start je onboarding.", "readability.word.jargon", FIRES, "onboarding"),
    # A review of ten realistic letters (municipality, housing, water, energy, health insurer,
    # campaigns): negation scope, fear appeals, duties of third parties, names, deadlines.
    # Negation: "niet gratis" is not free; "zonder" negates only its own object.
    ("De hulp is niet gratis, u betaalt een eigen bijdrage.", "intent.offer.free", SILENT, None),
    ("Het gesprek is niet gratis.", "intent.offer.free", SILENT, None),
    ("Heeft u vragen over uw rekening? Bel gratis met 0800-8115.", "intent.offer.free", SILENT, None),
    ("U kunt ook zonder afspraak binnenlopen in het wijkhuis.", "contact.route.walkin", FIRES, None),
    ("Op dinsdag kunt u zonder afspraak langskomen op ons kantoor.", "contact.route.walkin", FIRES, None),
    ("Het gesprek is gratis. Zonder kosten en zonder verplichtingen.", "intent.offer.voluntary", FIRES, None),
    ("Deze brief heeft niets te maken met een boete, incasso of deurwaarder.", "tone.threat.enforcement", SILENT, None),
    ("Deze brief heeft niets te maken met een boete, incasso of deurwaarder.", "tone.threat.penalty", SILENT, None),
    ("Het is niet zo dat u een boete krijgt.", "tone.threat.penalty", SILENT, None),
    ("U hoeft niet bang te zijn voor een boete.", "tone.threat.penalty", SILENT, None),
    ("Als u niet betaalt volgt een boete.", "tone.threat.penalty", FIRES, "boete"),
    ("Wij geven uw naam, adres en telefoonnummer niet aan anderen.", "privacy.sharing.without_consent", SILENT, None),
    # Fear appeals are threats, not normalising.
    ("Veel mensen die te laat aan de bel trekken, raken hun huis kwijt.", "tone.warm.normalise", SILENT, None),
    ("Veel mensen die te laat aan de bel trekken, raken hun huis kwijt.", "tone.threat.enforcement", FIRES, None),
    ("Wacht u te lang, dan kunt u uw woning verliezen.", "tone.threat.enforcement", FIRES, None),
    ("De premie wordt dan ingehouden op uw loon of uitkering.", "tone.threat.enforcement", FIRES, None),
    ("Dan melden wij u aan bij het CAK.", "tone.threat.enforcement", FIRES, None),
    ("Als de achterstand blijft, zeggen wij de huur op.", "tone.threat.enforcement", FIRES, None),
    ("Wij beëindigen dan het huurcontract.", "tone.threat.enforcement", FIRES, None),
    ("Veel mensen hebben weleens moeite met rekeningen.", "tone.warm.normalise", FIRES, None),
    # "verplicht" about a third party or the law is a legal basis, not a threat to the reader.
    ("Verhuurders en energieleveranciers zijn verplicht om betalingsachterstanden aan de gemeente te melden.", "tone.threat.obligation", SILENT, None),
    ("Verhuurders en energieleveranciers zijn verplicht om betalingsachterstanden aan de gemeente te melden.", "autonomy.obligation.must", SILENT, None),
    ("Verhuurders en energieleveranciers zijn verplicht om betalingsachterstanden aan de gemeente te melden.", "privacy.basis.legal", FIRES, None),
    ("Dat doen wij omdat de wet ons dat verplicht.", "tone.threat.obligation", SILENT, None),
    ("Dat doen wij omdat de wet ons dat verplicht.", "privacy.basis.legal", FIRES, None),
    ("De zorgverzekeraar is verplicht om dit te melden.", "tone.threat.obligation", SILENT, None),
    ("Wij zijn daartoe verplicht.", "tone.threat.obligation", SILENT, None),
    ("U bent verplicht om te reageren.", "tone.threat.obligation", FIRES, None),
    ("Het gesprek is verplicht.", "tone.threat.obligation", FIRES, None),
    ("Dat is wettelijk geregeld.", "privacy.basis.legal", FIRES, None),
    ("Wij doen dit op basis van de wet.", "privacy.basis.legal", FIRES, None),
    # A creditor's own records need no third-party source.
    ("Beste klant,\n\nWij zien dat uw waterrekening van maart nog niet betaald is.", "privacy.source.when_known", SILENT, None),
    # A sender's own bill is its own source (intent.reason.signal_source says so); the letter
    # may not both have and lack a source (elements.toml).
    ("Wij zien dat uw waterrekening van maart nog niet betaald is.", "privacy.source.when_known", SILENT, None),
    ("Wij bewaren uw gegevens maximaal 6 maanden.", "privacy.source.when_known", SILENT, None),
    ("U heeft het recht om uw gegevens in te zien.", "privacy.source.when_known", SILENT, None),
    ("Wij weten dat u een huurachterstand heeft.", "privacy.source.when_known", FIRES, None),
    # Named persons.
    ("Met vriendelijke groet,\n\nNadia Bouzid en Tom Hendriks\nBudgetcoaches Geldpunt", "contact.person.named", FIRES, None),
    ("Met vriendelijke groet,\n\nKarin van Loon\nGeldpunt", "contact.person.named", FIRES, None),
    ("Bel dan met Karin of Jeroen.", "contact.person.named", FIRES, None),
    ("Bel dan met Karin van het Geldpunt.", "contact.person.named", FIRES, None),
    ("U kunt vragen naar Fatima el Idrissi.", "contact.person.named", FIRES, None),
    ("Beste mevrouw Jansen,\n\nWij helpen u graag.\n\nMet vriendelijke groet,\n\nWoonbron Oost", "intent.sender.named_person", SILENT, None),
    ("Beste mevrouw Jansen,\n\nWij helpen u graag.\n\nMet vriendelijke groet,\n\nStichting Geldzorg Noord", "intent.sender.named_person", SILENT, None),
    ("Beste mevrouw Jansen,\n\nWij helpen u graag.\n\nMet vriendelijke groet,\n\nVroeg Eropaf", "intent.sender.named_person", SILENT, None),
    ("Beste mevrouw Jansen,\n\nWij bieden u hulp.\n\nMet vriendelijke groet,\n\nnamens het college van burgemeester en wethouders,\n\ndrs. P.J. van der Meulen\nwethouder", "intent.sender.institution_only", SILENT, None),
    # Opening hours are not an offer.
    ("U kunt ons bellen op werkdagen van 8.30 tot 17.00 uur.", "intent.offer.concrete", SILENT, None),
    # Deadlines and pressure.
    ("Wij verzoeken u binnen 14 dagen na dagtekening contact op te nemen met het Klantcontactcentrum.", "tone.pressure.deadline", FIRES, None),
    ("Neem vóór 20 maart contact met ons op.", "tone.pressure.deadline", FIRES, None),
    ("Bel vandaag nog!", "tone.pressure.deadline", FIRES, None),
    ("Wacht niet te lang met bellen.", "tone.pressure.deadline", FIRES, None),
    # Announced contact.
    ("Stuur ons een WhatsApp-bericht. Dan bellen we je terug op een moment dat jou uitkomt.", "autonomy.decided.announced_contact", SILENT, None),
    ("Daarom komt een medewerker van het wijkteam op dinsdag 4 juni bij u langs.", "autonomy.decided.announced_contact", FIRES, None),
    ("Volgende week belt een medewerker van het Geldloket u.", "autonomy.decided.announced_contact", FIRES, None),
    ("Wij bellen u volgende week, tenzij u dat niet wilt.", "autonomy.decided.announced_contact", SILENT, None),
    ("Wat moet u doen? Niets, als u geen hulp wilt. De hulp is vrijwillig.", "intent.mixed.voluntary_but_obliged", SILENT, None),
    ("Wilt u het liever uit handen geven? Dat kan ook.", "tone.threat.enforcement", SILENT, None),
    ("Uw dossier wordt uit handen gegeven aan een incassobureau.", "tone.threat.enforcement", FIRES, None),
    # Privacy wording.
    ("Wij hebben daarom uw naam, adres en de hoogte van uw achterstand doorgegeven aan de gemeente.", "privacy.sharing.without_consent", FIRES, None),
    ("Wij hebben uw gemeente op de hoogte gesteld.", "privacy.sharing.without_consent", FIRES, None),
    ("Uw gegevens worden alleen gebruikt voor deze brief.", "privacy.purpose.stated", FIRES, None),
    ("Uw gegevens worden uitsluitend gebruikt om u hulp aan te bieden.", "privacy.purpose.stated", FIRES, None),
    # Why we write, and where the signal came from.
    ("Wij schrijven u omdat wij van uw verhuurder een signaal hebben ontvangen.", "intent.reason.signal_source", FIRES, None),
    ("Uw verhuurder heeft de gemeente laten weten dat de huur niet betaald is.", "intent.reason.signal_source", FIRES, None),
    ("Met deze brief willen wij u laten weten dat u hulp kunt krijgen.", "intent.reason.why_we_write", FIRES, None),
    ("Deze brief gaat over uw huur.", "intent.reason.why_we_write", FIRES, None),
    ("In deze brief leest u wat wij voor u kunnen doen.", "intent.reason.why_we_write", FIRES, None),
    # Paternalism and labels, in both forms of address.
    ("Wij adviseren je dringend om contact op te nemen.", "tone.paternal.lecture", FIRES, None),
    ("Je doet er verstandig aan om te bellen.", "tone.paternal.lecture", FIRES, None),
    ("Wij weten wat goed voor u is.", "tone.paternal.lecture", FIRES, None),
    ("Wij helpen gezinnen met multiproblematiek.", "tone.label.stigma", FIRES, None),
    ("Wij helpen inwoners met problematische schulden.", "tone.label.stigma", FIRES, None),
    # Smaller misfires.
    ("Wij hebben nog niets van u gehoord. Dat is helemaal niet erg.", "tone.blame.accuse", SILENT, None),
    ("Kijk op mijn.aquanoord.nl voor uw rekening.", "intent.sender.first_person", SILENT, None),
    ("Mail naar info@woonbronoost.nl als u vragen heeft.", "readability.word.uncommon", SILENT, None),
    # A second review: je-letters, Word characters, plain privacy wording, formal paraphrases.
    ("Betaal je niet, dan kunnen we je energiecontract opzeggen.", "tone.threat.if_no_reply", FIRES, None),
    ("Reageer je niet, dan komen er extra kosten bij.", "tone.threat.if_no_reply", FIRES, None),
    ("Het waterbedrijf heeft ons laten weten dat er een vordering open staat.", "tone.threat.legal", SILENT, None),
    ("Heeft u al een aanmaning gekregen? Neem die dan mee.", "tone.threat.legal", SILENT, None),
    ("Bel ons op 020\u2011123 4567, op werkdagen van 9 tot 17 uur.", "contact.phone.number", FIRES, None),
    ("Bel ons op 06\u00a012\u00a034\u00a056\u00a078.", "contact.phone.number", FIRES, None),
    ("Bel ons gerust op 0205551234.", "contact.phone.number", FIRES, None),
    ("Bel 020.555.12.34 voor een afspraak.", "contact.phone.number", FIRES, None),
    ("Uw klantnummer is 0123456789.", "contact.phone.number", SILENT, None),
    ("Een betalings\u00adachterstand kan iedereen overkomen.", "readability.word.uncommon", SILENT, None),
    ("Wij gooien uw gegevens na drie maanden weg.", "privacy.retention.period", FIRES, None),
    ("Wij vertellen niemand dat u deze brief kreeg.", "privacy.sharing.limits", FIRES, None),
    ("Wilt u weten wat wij van u weten? Vraag het ons.", "privacy.rights.named", FIRES, None),
    ("Dat mag het waterbedrijf aan ons doorgeven.", "privacy.basis.legal", FIRES, None),
    ("Het staat u vrij om dit aanbod aan te nemen.", "autonomy.choice.reader_decides", FIRES, None),
    ("Indien u geen gebruik wenst te maken van dit aanbod, heeft dit geen consequenties.", "intent.nothing.no_consequence", FIRES, None),
    ("Wij staan klaar als u ons nodig heeft.", "autonomy.self.help_in_background", FIRES, None),
    ("U kunt niet tussentijds stoppen met het traject.", "autonomy.exit.stop_anytime", SILENT, None),
    ("U kunt niet reageren op dit bericht.", "intent.step.next_step", SILENT, None),
    ("Naar aanleiding van het signaal hebben wij u aangemeld bij het project.", "autonomy.decided.signed_up", FIRES, None),
    ("Wij bellen u graag terug op een moment dat u uitkomt.", "autonomy.decided.announced_contact", SILENT, None),
    ("Het is belangrijk om te weten dat dit gesprek gratis is.", "tone.paternal.lecture", SILENT, None),
    ("Het spreekuur is in het wijkhuis aan de Jan van Galenstraat 4.", "contact.person.named", SILENT, None),
    ("Heeft u geldzorgen? Zoiets kan je overkomen. Wij helpen u graag.", "readability.address.mixed", SILENT, None),
    ("Heeft u geldzorgen? Wij helpen je graag.", "readability.address.mixed", FIRES, None),
    ("U bent niet verplicht om te reageren. Wij zijn benieuwd naar uw vragen.", "readability.document.passive", SILENT, None),
    ("Kijk op onze website of app ons gerust: 06 12345678.", "contact.route.nondigital", FIRES, None),
    ("Kijk op onze website of bel ons: 06 12345678.", "contact.route.nondigital", SILENT, None),
    ("Stuur de antwoordstrook terug of kijk op onze website.", "contact.route.nondigital", SILENT, None),
    ("Wij zijn open van maandag t/m vrijdag.", "readability.word.abbreviations", FIRES, "t/m"),
    # A third review: good letters must not lose points for good sentences.
    ("Wat gebeurt er als u niet reageert?\nDan gebeurt er niets.", "tone.threat.if_no_reply", SILENT, None),
    ("Als u ons niet belt, bellen wij u nog één keer. Daarna laten we u met rust.", "tone.threat.if_no_reply", SILENT, None),
    ("Als u niet reageert, schakelen wij een incassobureau in.", "tone.threat.if_no_reply", FIRES, None),
    ("Als u niets doet? Dan sturen wij u over een maand een herinnering.", "intent.nothing.no_consequence", FIRES, None),
    ("Beste klant,\n\nUw laatste twee termijnen zijn nog niet betaald.", "privacy.source.named", FIRES, None),
    ("Wij gebruiken dit alleen zodat we u op tijd hulp kunnen aanbieden.", "privacy.purpose.stated", FIRES, None),
    ("Wij hebben gehoord dat uw waterrekening nog openstaat. Daarom bieden we u een gesprek aan.", "intent.reason.why_we_write", FIRES, None),
    ("Het is gratis en je zit nergens aan vast.", "intent.offer.voluntary", FIRES, None),
    ("Beste meneer en mevrouw Peters,\n\nWij helpen u graag.", "tone.cold.impersonal_salutation", SILENT, None),
    ("Beste heer en mevrouw,\n\nWij helpen u graag.", "tone.cold.impersonal_salutation", FIRES, None),
    ("U kunt een gratis gesprek hebben met een budgetcoach.", "autonomy.exit.ongoing_without_exit", SILENT, None),
    ("Beste mevrouw Jansen,\n\nWij helpen u graag.\n\nMet vriendelijke groet,\n\nKevin Smits\nSchuldhulpverlening, gemeente Groningen", "readability.word.jargon", SILENT, None),
    ("Beste mevrouw Jansen,\n\nWij helpen u graag.\n\nMet vriendelijke groet,\n\nKevin Smits\nbudgetcoach", "intent.sender.named_person", FIRES, None),
    ("U dient het formulier in te vullen.", "tone.threat.obligation", SILENT, None),
    ("U dient het formulier in te vullen.", "tone.pressure.must", FIRES, None),
    # A fourth review: intent and autonomy paraphrases, contact the reader asks for, third parties.
    ("Stuur een mailtje naar info@gemeente.nl, dan nemen wij contact met u op.", "autonomy.decided.announced_contact", SILENT, None),
    ("Als u de antwoordkaart terugstuurt, neemt een medewerker contact met u op.", "autonomy.decided.announced_contact", SILENT, None),
    ("Onze medewerker neemt in de week van 10 juni telefonisch contact met u op.", "autonomy.decided.announced_contact", FIRES, None),
    ("Als u wilt, melden wij u aan bij het Geldloket.", "autonomy.decided.signed_up", SILENT, None),
    ("Wij sturen uw gegevens door naar de budgetcoach als u dat wilt.", "autonomy.decided.data_passed_on", SILENT, None),
    ("Als je niet reageert, is dat niet erg.", "intent.nothing.silence_unexplained", SILENT, None),
    ("Reageert u niet, dan hoort u verder niets van ons.", "intent.nothing.no_consequence", FIRES, None),
    ("Wij bieden u een vrijblijvend gesprek aan.", "intent.offer.what", FIRES, None),
    ("Wilt u niet? Dat is helemaal oké.", "autonomy.exit.say_no", FIRES, None),
    ("Wij sturen u deze brief, want uw huur is nog niet betaald.", "intent.reason.why_we_write", FIRES, None),
    ("Stoppen kan altijd.", "autonomy.exit.stop_anytime", FIRES, None),
    ("U kunt de automatische incasso stoppen via uw bank.", "autonomy.exit.stop_anytime", SILENT, None),
    ("Mocht het toch niet lukken, bel ons dan.", "autonomy.self.help_in_background", FIRES, None),
    ("Binnenlopen kan op dinsdag van 9 tot 12 uur in het wijkcentrum.", "contact.route.walkin", FIRES, None),
    ("Ik ben Joost, geldcoach bij Geldfit.", "intent.sender.introduction", FIRES, None),
    ("Dit komt niet bij het BKR.", "autonomy.exit.no_registration", FIRES, None),
    ("De automatische incasso van uw huur is twee keer gestorneerd.", "intent.reason.occasion", FIRES, None),
    ("Laat het ons weten via het formulier op onze website.", "intent.step.next_step", FIRES, None),
    ("Wij bellen met uw verhuurder over de achterstand.", "intent.step.next_step", SILENT, None),
    ("Een kopie van deze brief gaat naar uw verhuurder.", "intent.step.next_step", SILENT, None),
    ("De keuze is aan u.", "intent.offer.voluntary", FIRES, None),
    ("Uw energieleverancier is niet verplicht om een regeling te treffen.", "intent.offer.voluntary", SILENT, None),
    ("Uw verhuurder kan altijd nee zeggen tegen een betalingsregeling.", "autonomy.exit.say_no", SILENT, None),
    # A fifth review: active threats, bailiffs' letters the reader has, je-forms, more officialese.
    ("Wij sluiten het water af als de rekening openblijft.", "tone.threat.enforcement", FIRES, None),
    ("Dan sluiten we je stroom af.", "tone.threat.enforcement", FIRES, None),
    ("Wij sluiten nooit af in de winter.", "tone.threat.enforcement", SILENT, None),
    ("Samen sluiten we een betalingsregeling af.", "tone.threat.enforcement", SILENT, None),
    ("Wij geven de vordering uit handen.", "tone.threat.enforcement", FIRES, None),
    ("Neem ook brieven van de deurwaarder mee naar het gesprek.", "tone.threat.enforcement", SILENT, None),
    ("Wij helpen ook als er al een deurwaarder is.", "tone.threat.enforcement", SILENT, None),
    ("Reageer uiterlijk 1 mei, anders nemen wij verdere stappen.", "tone.threat.legal", FIRES, None),
    ("Uw stroom blijft gewoon aan, ook als u niet reageert.", "tone.threat.if_no_reply", SILENT, None),
    ("We gaan je helpen met je schulden.", "tone.paternal.take_over", FIRES, None),
    ("Mensen zoals jij hebben vaak moeite met geld.", "tone.label.vulnerable", FIRES, None),
    ("U zit diep in de schulden.", "tone.label.problem_fact", FIRES, None),
    ("U bent niet goed met geld.", "tone.blame.accuse", FIRES, None),
    ("Wij verzoeken u het bedrag alsnog te betalen.", "tone.officialese.words", FIRES, "alsnog"),
    ("Heeft u geldzorgen? Doe mee met de cursus \"Grip op je geld\".", "readability.address.mixed", SILENT, None),
    ("U heeft altijd netjes betaald.", "tone.warm.going_well", FIRES, None),
    ("Er komen geen incassokosten, boetes of deurwaarders aan te pas.", "tone.threat.penalty", SILENT, None),
    ("Er komen geen incassokosten, boetes of deurwaarders aan te pas.", "tone.threat.enforcement", SILENT, None),
    ("Als u geen reactie stuurt, volgen boetes of beslag.", "tone.threat.penalty", FIRES, None),
    ("U krijgt geen brief, maar een boete of een deurwaarder.", "tone.threat.enforcement", FIRES, None),
    ("De deurwaarder komt er niet aan te pas.", "tone.threat.enforcement", SILENT, None),
    ("Wij sturen de zaak niet door naar een incassobureau.", "tone.threat.enforcement", SILENT, None),
    ("Wij dragen uw rekening niet over aan een incassobureau.", "tone.threat.enforcement", SILENT, None),
    ("Dit is geen brief over een boete.", "tone.threat.penalty", SILENT, None),
]


@lru_cache(maxsize=1)
def _rules():
    return {rule.id: rule for rule in load_rulebook("nl").rules}


@lru_cache(maxsize=None)
def _findings(text: str):
    return outreach.analyze(text).findings


def _located(text: str, rule_id: str):
    """The findings of one rule that point at a place in the text, with the rule's own effect."""
    rule = _rules()[rule_id]
    if rule.kind == "required":
        effect = "helps"
    else:
        effect = "helps" if rule.points > 0 else "hurts"
    return [f for f in _findings(text) if f.rule == rule_id and f.start is not None and f.effect == effect]


def _case_id(case) -> str:
    text, rule_id, expected, _ = case
    return f"{rule_id}-{'fires' if expected else 'silent'}-{text[:40]}"


def test_corpus_is_big_enough_and_covers_every_dimension():
    assert len(CASES) >= 60
    dimensions = {rule_id.split(".")[0] for _, rule_id, _, _ in CASES}
    assert dimensions == {"tone", "intent", "autonomy", "privacy", "readability", "contact"}
    assert all(rule_id in _rules() for _, rule_id, _, _ in CASES), "onbekende regel in het corpus"


@pytest.mark.parametrize("text, rule_id, expected, match", CASES, ids=[_case_id(c) for c in CASES])
def test_real_world_sentence(text, rule_id, expected, match):
    found = _located(text, rule_id)
    got = [f.match for f in found]
    if expected:
        assert found, f"{rule_id} ziet niets in: {text!r}"
        if match is not None:
            assert match in got, f"{rule_id}: verwacht {match!r}, kreeg {got}"
    else:
        assert not found, f"{rule_id} slaat ten onrechte aan op {got} in: {text!r}"
