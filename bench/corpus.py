"""Distinct, realistic Dutch outreach letters of about 300 words, made reproducibly from a seed."""
from __future__ import annotations

import random
from functools import lru_cache

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


# --- Real letters: the project's own letters, mixed and varied ------------------------------------

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]
_DIGIT = __import__("re").compile(r"\d")


def _project_letters() -> list[str]:
    """The project's letters of ordinary length: corpus/, tests/letters/ and the scenario letters."""
    from outreach.scenarios import load_catalogue

    texts = [p.read_text(encoding="utf-8")
             for folder in ("corpus/letters", "tests/letters") for p in sorted((ROOT / folder).glob("*.txt"))]
    texts += [letter.render(s.variables) for s in load_catalogue().scenarios for letter in s.letters]
    return [t for t in texts if 60 <= len(t.split()) <= 1000]


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def _body(paragraph: str) -> bool:
    """Running text (a list may follow its first line), not an address block or a header."""
    lines = paragraph.strip().splitlines()
    return (len(paragraph.split()) >= 15 and lines[0].rstrip()[-1:] in ".?!:"
            and all(line.lstrip()[:1] in "-•" for line in lines[1:]))


@lru_cache(maxsize=1)
def _pool() -> tuple[str, ...]:
    return tuple(_project_letters())


def real_letter(seed: int, words: int = 320) -> str:
    """A letter of about `words` words: one of the project's letters, topped up (or cut) with whole
    paragraphs of others, every digit drawn anew (dates, amounts, phone numbers, postcodes).

    The letters were written by different people for different senders, so each bench letter has
    its own vocabulary, unlike letter() above, which recombines 24 sentences.
    """
    rng = random.Random(seed)
    pool = _pool()
    paragraphs = list(_paragraphs(rng.choice(pool)))
    while sum(len(p.split()) for p in paragraphs) < words:
        # a body paragraph of another letter (not its address, salutation or signature), before
        # this letter's last two paragraphs (greeting, signature)
        body = [p for p in _paragraphs(rng.choice(pool)) if _body(p)]
        if body:
            paragraphs.insert(max(1, len(paragraphs) - 2), rng.choice(body))
    while len(paragraphs) > 3 and sum(len(p.split()) for p in paragraphs) - len(paragraphs[-3].split()) >= words:
        del paragraphs[-3]
    text = "\n\n".join(paragraphs) + "\n"
    return _DIGIT.sub(lambda m: str(rng.randint(0, 9)), text)


def real_letters(count: int, words: int = 320, seed: int = 1) -> list[str]:
    return [real_letter(seed * 100_000 + i, words) for i in range(count)]


# --- English letters of the same length, for English-language peers (proselint) ------------------

ENGLISH = [
    "We are writing to you because your housing association told us that the rent for {month} has not been paid yet.",
    "That can happen to anyone, and you are certainly not the only one.",
    "We would like to think along with you about your finances, free of charge and without obligation.",
    "You decide for yourself whether you want help, and with what.",
    "If you do not respond, nothing happens and no record is kept.",
    "Should you fail to respond within fourteen days, we will be forced to take further steps.",
    "We kindly but urgently request that you settle the arrears by means of the enclosed form.",
    "On our website you will find tips to put your bills in order yourself.",
    "You can also call {sender} on 030 286 {number}, on weekdays between 9 am and 5 pm.",
    "On Tuesday mornings you can drop in without an appointment at the community centre on {street}.",
    "We received your name and address from your energy supplier, because the law allows this.",
    "We only use your details to send you this letter and we delete them after six months.",
    "Your details are never shared with others without your permission.",
    "We can see that you always pay your other fixed costs on time, and that is quite an achievement.",
    "If you would rather have someone visit you at home, that is possible too.",
    "At the end of the day, we are going to help you solve your financial problems.",
    "An appointment has been scheduled for you on {day} at 10 am.",
    "In accordance with the applicable regulations you are required to submit all relevant documents.",
    "You can stop the conversation at any moment, for any reason whatsoever.",
    "Many people sometimes find it hard to pay all their bills, especially now that everything is very expensive.",
    "Would you rather get started on your own first? Then use the money check in the app.",
    "In the context of early detection we are obliged to contact you.",
    "We understand that it may be unpleasant to receive this letter.",
    "Please note that this is a very unique opportunity that we would not want you to miss.",
    "Needless to say, the first meeting is completely free and it is totally up to you.",
    "Our advisers have helped hundreds of households in {street} and the surrounding neighbourhoods.",
    "Bring your most recent bills, your bank statements and any letters from creditors, if you have them.",
    "It goes without saying that everything you tell us stays between you and us.",
    "Last but not least, you can also send us an email or a message through the website.",
    "The debt collection agency will contact you if the amount remains outstanding after {month}.",
    "Perhaps you have already arranged it; in that case you can simply ignore this letter.",
    "Together we can look at allowances, a payment plan or lower fixed costs.",
]
ENGLISH_NAMES = ["Johnson", "Okafor", "Williams", "Nguyen", "Brown", "Kowalski", "Patel", "Murphy", "Garcia", "Evans"]
ENGLISH_SENDERS = ["Anna Brooks", "Mohamed Ali", "Petra Cole", "Sandra Hill", "Rudy Hendricks"]
ENGLISH_MONTHS = ["September", "October", "November", "December", "January"]
ENGLISH_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
ENGLISH_STREETS = ["Canal Street", "Village Road", "Market Square", "Linden Lane", "Harbour Quay"]


def english_letter(seed: int, words: int = 320) -> str:
    rng = random.Random(seed)
    fill = dict(month=rng.choice(ENGLISH_MONTHS), sender=rng.choice(ENGLISH_SENDERS), day=rng.choice(ENGLISH_DAYS),
                number=f"{rng.randint(10, 99)} {rng.randint(10, 99)}", street=rng.choice(ENGLISH_STREETS))
    head = f"Re: help with your finances\n\nDear Mr {rng.choice(ENGLISH_NAMES)},\n\n"
    tail = f"\n\nKind regards,\n\n{fill['sender']}\nMoney Matters Team\n"
    body: list[str] = []
    room = words - len(head.split()) - len(tail.split())
    while sum(len(s.split()) for s in body) < room:
        body.append(rng.choice(ENGLISH).format(**fill))
    paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
    return head + "\n\n".join(paragraphs) + tail


def english_letters(count: int, words: int = 320, seed: int = 1) -> list[str]:
    return [english_letter(seed * 100_000 + i, words) for i in range(count)]
