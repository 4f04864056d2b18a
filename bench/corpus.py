"""Distinct, realistic Dutch outreach letters of about 300 words, made reproducibly from a seed."""
from __future__ import annotations

import random

NAMES = ["Jansen", "De Vries", "Bakker", "Visser", "Smit", "Meijer", "El Amrani", "Yilmaz", "Mulder", "Bos"]
SENDERS = ["Anna de Boer", "Mohamed Ouali", "Petra Kok", "Sanne Vermeulen", "Ruud Hendriks"]
SENTENCES = [
    "Wij schrijven u omdat uw woningcorporatie ons heeft laten weten dat de huur van {maand} nog niet is betaald.",
    "Dat kan iedereen gebeuren, en u bent zeker niet de enige.",
    "Wij willen graag met u meedenken over uw geldzaken.",
    "Het gesprek is gratis en u zit nergens aan vast.",
    "U bepaalt zelf of u hulp wilt en waarmee.",
    "Als u niet reageert, gebeurt er niets en komt er geen aantekening.",
    "Indien u niet binnen veertien dagen reageert, zijn wij genoodzaakt verdere stappen te ondernemen.",
    "Wij verzoeken u vriendelijk doch dringend om de achterstand middels bijgaand formulier te voldoen.",
    "Op onze website vindt u tips om zelf uw rekeningen op een rij te zetten.",
    "U kunt ook bellen met {afzender} via 030 - 286 {nummer}, op werkdagen tussen 9.00 en 17.00 uur.",
    "Op dinsdagochtend kunt u zonder afspraak langskomen in het wijkhuis aan de {straat}.",
    "Wij hebben uw naam en adres gekregen van uw energieleverancier, omdat de wet dat toestaat.",
    "Wij gebruiken uw gegevens alleen om u deze brief te sturen en verwijderen ze na zes maanden.",
    "Uw gegevens worden niet gedeeld met anderen zonder uw toestemming.",
    "Wij zien dat u uw andere vaste lasten wel steeds op tijd betaalt, en dat is knap.",
    "Heeft u liever dat iemand bij u thuis komt, dan kan dat ook.",
    "Wij gaan u helpen om uw financiële problemen op te lossen.",
    "Er is voor u een afspraak ingepland op {dag} om 10.00 uur.",
    "Conform de geldende regelgeving dient u alle relevante stukken te overleggen.",
    "U kunt het gesprek op elk moment stoppen.",
    "Veel mensen hebben weleens moeite om alle rekeningen te betalen, zeker nu alles duurder wordt.",
    "Wilt u liever eerst zelf aan de slag, gebruik dan de geldcheck in de app.",
    "In het kader van vroegsignalering zijn wij verplicht om contact met u op te nemen.",
    "Wij begrijpen dat het vervelend kan zijn om deze brief te krijgen.",
]
MONTHS = ["september", "oktober", "november", "december", "januari"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]
STREETS = ["Kanaalstraat", "Dorpsweg", "Marktplein", "Lindelaan", "Havenkade"]


def letter(seed: int, words: int = 300) -> str:
    rng = random.Random(seed)
    fill = dict(maand=rng.choice(MONTHS), afzender=rng.choice(SENDERS), nummer=f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
                straat=rng.choice(STREETS), dag=rng.choice(DAYS))
    body: list[str] = []
    while sum(len(s.split()) for s in body) < words:
        body.append(rng.choice(SENTENCES).format(**fill))
    paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
    return (f"Betreft: hulp bij geldzaken\n\nBeste meneer {rng.choice(NAMES)},\n\n" + "\n\n".join(paragraphs)
            + f"\n\nMet vriendelijke groet,\n\n{fill['afzender']}\nTeam Geldzaken\n")


def letters(count: int, seed: int = 1) -> list[str]:
    return [letter(seed * 10_000 + i) for i in range(count)]
