"""Event words: which verbs and nouns announce which kind of event, and how ACLED types them.

A trigger belongs to a *family* (what happened, in the text's words); the
family plus the actors' kinds decide ACLED's type and sub-type (typing.py).
"""
from __future__ import annotations

__all__ = [
    "VERB_FAMILIES", "NOUN_FAMILIES", "PHRASAL", "FAMILY_PRIORITY", "LIGHT_VERBS", "SPEECH_VERBS",
    "REALIS_HEADS", "IRREALIS_AUX", "TERRITORY_NOUNS", "SUBTYPES", "CAMEO_PLOVER",
]

# verb lemma -> family
VERB_FAMILIES: dict[str, str] = {
    **dict.fromkeys(["clash", "battle", "fight", "skirmish", "engage", "counterattack", "repel", "repulse",
                     "ambush", "storm", "besiege"], "clash"),
    # "wound"/"injure" are not triggers: "20 others were wounded" counts casualties of an act told elsewhere
    **dict.fromkeys(["kill", "slay", "murder", "assassinate", "shoot", "massacre", "slaughter", "gun"], "kill"),
    **dict.fromkeys(["execute", "behead", "decapitate", "crucify", "lynch", "torture"], "execute"),
    **dict.fromkeys(["attack", "raid", "assault", "target", "hit", "strike"], "attack"),
    **dict.fromkeys(["bomb", "airstrike", "strafe"], "air"),
    **dict.fromkeys(["shell", "bombard", "pound"], "shell"),
    **dict.fromkeys(["explode", "detonate"], "explosive"),
    **dict.fromkeys(["seize", "capture", "recapture", "retake", "regain", "overrun", "liberate", "conquer",
                     "occupy", "advance"], "territory"),
    **dict.fromkeys(["protest", "demonstrate", "rally", "march"], "protest"),
    **dict.fromkeys(["riot", "loot", "vandalize", "vandalise", "torch"], "riot"),
    **dict.fromkeys(["abduct", "kidnap"], "abduct"),
    **dict.fromkeys(["arrest", "detain"], "arrest"),
    **dict.fromkeys(["destroy", "demolish", "raze", "burn"], "destroy"),
}

# noun lemma -> family
NOUN_FAMILIES: dict[str, str] = {
    **dict.fromkeys(["clash", "battle", "fighting", "fight", "combat", "skirmish", "confrontation",
                     "counterattack", "counter-attack", "counteroffensive", "counter-offensive", "offensive",
                     "firefight", "gunfight", "gunbattle", "ambush", "siege"], "clash"),
    **dict.fromkeys(["killing", "murder", "assassination", "massacre", "shooting"], "kill"),
    **dict.fromkeys(["execution", "beheading"], "execute"),
    **dict.fromkeys(["attack", "raid", "assault", "incursion"], "attack"),
    **dict.fromkeys(["airstrike", "air-strike", "bombardment", "sortie", "airraid"], "air"),
    **dict.fromkeys(["shelling", "artillery", "mortar", "rocket", "missile", "barrage"], "shell"),
    # a "bombing" without "air"/"aerial" is an explosive attack; planes' bombing is "airstrike"/"air raid"
    **dict.fromkeys(["explosion", "blast", "ied", "landmine", "mine", "bomb", "car-bomb", "bombing"], "explosive"),
    **dict.fromkeys(["grenade"], "grenade"),
    **dict.fromkeys(["protest", "demonstration", "rally", "march", "sit-in"], "protest"),
    **dict.fromkeys(["riot", "rioting", "looting", "unrest"], "riot"),
    **dict.fromkeys(["abduction", "kidnapping"], "abduct"),
    **dict.fromkeys(["arrest", "detention"], "arrest"),
}

# two-word triggers: (first lemma, second lower) -> family; the first token is the trigger's head
PHRASAL: dict[tuple[str, str], str] = {
    ("take", "over"): "territory",
    ("take", "control"): "territory",
    ("seize", "control"): "territory",
    ("gain", "control"): "territory",
    ("drive", "out"): "territory",
    ("blow", "up"): "destroy",
    ("set", "fire"): "destroy",
    ("open", "fire"): "attack",
    ("air", "strike"): "air",
    ("aerial", "bombing"): "air",
    ("aerial", "bombardment"): "air",
    ("air", "raid"): "air",
    ("drone", "strike"): "air",
    ("barrel", "bomb"): "air",
    ("suicide", "bombing"): "suicide",
    ("suicide", "bomber"): "suicide",
    ("suicide", "attack"): "suicide",
    ("suicide", "bomb"): "suicide",
    ("car", "bomb"): "explosive",
    ("roadside", "bomb"): "explosive",
    ("shoot", "dead"): "kill",
}

# When several triggers tell one event, the most telling decides its type.
FAMILY_PRIORITY = ["suicide", "air", "shell", "explosive", "grenade", "territory", "abduct", "execute",
                   "riot", "protest", "clash", "kill", "attack", "destroy", "arrest"]

# verbs whose object noun is the event ("launched counterattacks", "carried out airstrikes")
LIGHT_VERBS = {"launch", "carry", "conduct", "wage", "stage", "mount", "perpetrate", "commit", "unleash",
               "begin", "start", "continue", "intensify", "renew", "resume", "repel", "repulse", "hold",
               "organize", "organise", "witness", "see", "erupt", "break", "lead"}

SPEECH_VERBS = {"say", "claim", "report", "announce", "state", "confirm", "tell", "add", "deny", "accuse",
                "allege", "insist", "declare", "note", "write", "post", "publish", "show", "release", "quote"}

# heads of an infinitive that say the act happened ("were able to kill", "managed to seize")
REALIS_HEADS = {"able", "manage", "succeed", "go", "continue", "begin", "start", "try"}
IRREALIS_AUX = {"will", "would", "could", "may", "might", "should", "shall", "must", "can", "'ll", "wo"}

# objects that make seize/capture/take a territorial event rather than the taking of a thing
TERRITORY_NOUNS = {
    "town", "city", "village", "villages", "area", "areas", "district", "districts", "neighbourhood",
    "neighborhood", "neighbourhoods", "neighborhoods", "hill", "hills", "base", "airbase", "airport", "field",
    "oilfield", "oilfields", "positions", "position", "checkpoint", "checkpoints", "territory", "control",
    "region", "province", "countryside", "outskirts", "suburbs", "suburb", "mountain", "mountains", "crossing",
    "dam", "bridge", "road", "highway", "camp", "headquarters", "outpost", "outposts", "strongholds",
    "stronghold", "quarter", "quarters", "farms", "island", "peak", "ridge", "valley", "border", "port",
    "compound", "barracks", "garrison",
}

# family -> (event_type, sub_event_type) when the actors do not change it
SUBTYPES: dict[str, tuple[str, str]] = {
    "clash": ("Battles", "Armed clash"),
    "suicide": ("Explosions/Remote violence", "Suicide bomb"),
    "air": ("Explosions/Remote violence", "Air/drone strike"),
    "shell": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "explosive": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "grenade": ("Explosions/Remote violence", "Grenade"),
    "abduct": ("Violence against civilians", "Abduction/forced disappearance"),
    "execute": ("Violence against civilians", "Attack"),
    "protest": ("Protests", "Peaceful protest"),
    "riot": ("Riots", "Violent demonstration"),
    "arrest": ("Strategic developments", "Arrests"),
    "destroy": ("Strategic developments", "Looting/property destruction"),
}

# ACLED sub-event type -> (CAMEO root code, PLOVER event type), for users of GDELT/Phoenix/POLECAT data
CAMEO_PLOVER: dict[str, tuple[str, str]] = {
    "Armed clash": ("19", "FIGHT"),
    "Government regains territory": ("19", "FIGHT"),
    "Non-state actor overtakes territory": ("19", "FIGHT"),
    "Air/drone strike": ("19", "FIGHT"),
    "Shelling/artillery/missile attack": ("19", "FIGHT"),
    "Suicide bomb": ("18", "ASSAULT"),
    "Remote explosive/landmine/IED": ("18", "ASSAULT"),
    "Grenade": ("18", "ASSAULT"),
    "Chemical weapon": ("20", "FIGHT"),
    "Attack": ("18", "ASSAULT"),
    "Abduction/forced disappearance": ("18", "ASSAULT"),
    "Sexual violence": ("18", "ASSAULT"),
    "Peaceful protest": ("14", "PROTEST"),
    "Protest with intervention": ("14", "PROTEST"),
    "Excessive force against protesters": ("17", "COERCE"),
    "Violent demonstration": ("14", "PROTEST"),
    "Mob violence": ("14", "PROTEST"),
    "Arrests": ("17", "COERCE"),
    "Looting/property destruction": ("17", "COERCE"),
    "Agreement": ("03", "AGREE"),
    "Change to group/activity": ("15", "MOBILIZE"),
    "Disrupted weapons use": ("15", "MOBILIZE"),
    "Headquarters or base established": ("15", "MOBILIZE"),
    "Non-violent transfer of territory": ("15", "RETREAT"),
    "Other": ("01", "OTHER"),
}
