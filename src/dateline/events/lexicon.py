"""Event words: which verbs and nouns announce which kind of event, and how ACLED types them.

A trigger belongs to a *family* (what happened, in the text's words); the
family plus the actors' kinds decide ACLED's type and sub-type (build.type_event).
"""
from __future__ import annotations

__all__ = [
    "WEAPON_FAMILIES", "DISRUPT_VERBS", "NOT_USE_HEADS", "PROTESTERS", "BASE_NOUNS", "WEAPON_NOUNS", "HAZARDS", "INDUSTRIAL", "CRIME", "RIOT_WORDS",
    "ROAD_WORDS", "LETHAL_WORDS", "MOB_ACTORS", "INTERVENTION_WORDS", "INTERVENTION_VERBS", "PROTEST_WORDS", "CASUALTY_VERBS", "ATTACK_CONTEXT", "VERB_FAMILIES", "NOUN_FAMILIES", "PHRASAL", "FAMILY_PRIORITY", "LIGHT_VERBS", "SPEECH_VERBS",
    "REALIS_HEADS", "IRREALIS_AUX", "TERRITORY_NOUNS", "SUBTYPES", "CAMEO_PLOVER", "CONTROL_VERBS", "LEMMA_FIXES",
    "ARMED",
]

# ACLED inter codes of armed actors: state forces, rebels, political and identity militias, external forces
ARMED = frozenset({1, 2, 3, 4, 8})

# verb lemma -> family
VERB_FAMILIES: dict[str, str] = {
    **dict.fromkeys(["clash", "battle", "fight", "skirmish", "engage", "counterattack", "repel", "repulse",
                     "ambush", "storm", "besiege"], "clash"),
    # "wound"/"injure" are not triggers: "20 others were wounded" counts casualties of an act told elsewhere
    **dict.fromkeys(["kill", "slay", "murder", "assassinate", "shoot", "massacre", "slaughter", "gun"], "kill"),
    **dict.fromkeys(["execute", "behead", "decapitate", "crucify", "lynch", "torture"], "execute"),
    **dict.fromkeys(["attack", "raid", "assault", "hit", "strike"], "attack"),
    **dict.fromkeys(["suppress", "disperse", "crack"], "protest"),
    **dict.fromkeys(["bomb", "airstrike", "strafe"], "air"),
    **dict.fromkeys(["shell", "bombard", "pound"], "shell"),
    **dict.fromkeys(["explode", "detonate"], "explosive"),
    **dict.fromkeys(["seize", "capture", "recapture", "retake", "regain", "overrun", "liberate", "conquer",
                     "occupy", "advance", "free", "control", "enter"], "territory"),
    **dict.fromkeys(["protest", "demonstrate", "rally", "march"], "protest"),
    **dict.fromkeys(["riot"], "riot"),
    **dict.fromkeys(["loot", "vandalize", "vandalise", "torch", "ransack", "plunder", "steal"], "destroy"),
    **dict.fromkeys(["abduct", "kidnap"], "abduct"),
    **dict.fromkeys(["arrest", "detain", "jail", "imprison"], "arrest"),
    **dict.fromkeys(["destroy", "demolish", "raze", "burn"], "destroy"),
    **dict.fromkeys(["rape", "molest"], "sexual"),
    **dict.fromkeys(["lynch"], "mob"),
    **dict.fromkeys(["defuse", "dismantle", "intercept", "foil", "thwart", "confiscate", "find", "discover",
                     "uncover", "recover", "clear", "remove", "neutralize", "neutralise"], "disrupt"),
    **dict.fromkeys(["defect", "merge", "disband", "dissolve", "deploy", "redeploy", "reinforce", "dispatch",
                     "mobilize", "mobilise", "recruit", "form", "send", "move", "fortify", "station", "mass",
                     "amass"], "change"),
    **dict.fromkeys(["exchange", "swap", "release", "free", "agree"], "agreement"),
    **dict.fromkeys(["withdraw", "evacuate", "hand", "cede", "surrender"], "transfer"),
    **dict.fromkeys(["establish", "build", "erect", "create", "construct"], "base"),
}

# noun lemma -> family
NOUN_FAMILIES: dict[str, str] = {
    **dict.fromkeys(["clash", "battle", "fighting", "fight", "combat", "skirmish", "confrontation",
                     "counterattack", "counter-attack", "counteroffensive", "counter-offensive", "offensive",
                     "firefight", "gunfight", "gunbattle", "ambush", "siege", "shoot-out", "shootout",
                     "skirmishes", "hostilities"], "clash"),
    **dict.fromkeys(["killing", "murder", "assassination", "massacre", "shooting"], "kill"),
    **dict.fromkeys(["execution", "beheading"], "execute"),
    **dict.fromkeys(["attack", "raid", "assault", "incursion"], "attack"),
    **dict.fromkeys(["airstrike", "air-strike", "bombardment", "sortie", "airraid"], "air"),
    **dict.fromkeys(["shelling", "artillery", "mortar", "rocket", "missile", "barrage"], "shell"),
    # a "bombing" without "air"/"aerial" is an explosive attack; planes' bombing is "airstrike"/"air raid"
    **dict.fromkeys(["explosion", "blast", "ied", "landmine", "mine", "bomb", "car-bomb", "bombing", "bomber"],
                    "explosive"),
    **dict.fromkeys(["grenade"], "grenade"),
    **dict.fromkeys(["protest", "demonstration", "rally", "march", "sit-in"], "protest"),
    **dict.fromkeys(["riot", "rioting", "unrest"], "riot"),
    **dict.fromkeys(["looting", "arson", "vandalism"], "destroy"),
    **dict.fromkeys(["abduction", "kidnapping"], "abduct"),
    **dict.fromkeys(["seizure", "takeover", "recapture", "capture"], "territory"),
    **dict.fromkeys(["arrest", "detention"], "arrest"),
    **dict.fromkeys(["rape"], "sexual"),
    **dict.fromkeys(["lynching", "mob"], "mob"),
    **dict.fromkeys(["chlorine", "sarin", "mustard", "chemical"], "chemical"),
    **dict.fromkeys(["agreement", "ceasefire", "cease-fire", "truce", "accord", "treaty", "deal", "armistice"],
                    "agreement"),
    **dict.fromkeys(["defection", "merger", "deployment", "reinforcements", "formation"], "change"),
    **dict.fromkeys(["withdrawal", "handover", "pullout", "pull-out"], "transfer"),
    **dict.fromkeys(["swap", "exchange", "release", "surrender"], "agreement"),
}

# two-word triggers: (first lemma, second lower) -> family; the first token is the trigger's head
PHRASAL: dict[tuple[str, str], str] = {
    ("human", "chain"): "protest",  # a line of people holding hands in protest
    ("take", "over"): "territory",
    ("take", "control"): "territory",
    ("seize", "control"): "territory",
    ("gain", "control"): "territory",
    ("drive", "out"): "territory",
    ("push", "out"): "territory",
    ("gain", "ground"): "territory",
    ("regain", "ground"): "territory",
    ("blow", "up"): "destroy",
    ("set", "fire"): "destroy",
    ("open", "fire"): "attack",
    ("air", "strike"): "air",
    ("aerial", "bombing"): "air",
    ("aerial", "attack"): "air",
    ("air", "attack"): "air",
    ("fighter", "jet"): "air",
    ("aerial", "bombardment"): "air",
    ("air", "raid"): "air",
    ("drone", "strike"): "air",
    ("barrel", "bomb"): "air",
    ("aerial", "bomb"): "air",
    ("aerial", "bombardment"): "air",
    ("suicide", "bombing"): "suicide",
    ("suicide", "bomber"): "suicide",
    ("suicide", "attack"): "suicide",
    ("suicide", "bomb"): "suicide",
    ("car", "bomb"): "explosive",
    ("roadside", "bomb"): "explosive",
    ("shoot", "dead"): "kill",
    ("sexual", "violence"): "sexual",
    ("sexual", "assault"): "sexual",
    ("sexually", "assault"): "sexual",
    ("poison", "gas"): "chemical",
    ("poisonous", "gas"): "chemical",
    ("toxic", "gas"): "chemical",
    ("nerve", "agent"): "chemical",
    ("chemical", "attack"): "chemical",
    ("chemical", "weapons"): "chemical",
    ("set", "up"): "base",
    ("shoot", "down"): "disrupt",
    ("pull", "down"): "destroy",  # "protesters pulled down the walls", "tore down a statue"
    ("tear", "down"): "destroy",
    ("hand", "over"): "transfer",
    ("pull", "out"): "transfer",
    ("pull", "back"): "transfer",
    ("drive", "back"): "territory",
    ("push", "back"): "territory",
    ("prisoner", "exchange"): "agreement",
    ("prisoner", "swap"): "agreement",
    ("sign", "agreement"): "agreement",
    ("peace", "talks"): "agreement",
    ("peace", "negotiations"): "agreement",
}

# verbs that, with "control" as object, tell of territory taken ("took full control of", "wrested control of",
# "established control over", "recovered control of"): the adjective between them breaks a two-word trigger
CONTROL_VERBS = {"take", "gain", "seize", "establish", "wrest", "assume", "regain", "recover", "retake", "restore",
                 "reclaim", "reassert", "extend", "impose", "secure"}

# past forms the small English model leaves as their own lemma ("retook" -> "retook")
LEMMA_FIXES = {"retook": "retake", "retaken": "retake", "overran": "overrun", "slew": "slay", "slain": "slay",
               "besieged": "besiege", "recaptured": "recapture", "reoccupied": "occupy", "wrested": "wrest",
               # the small English model lemmatises "raped" as "rap"
               "raped": "rape", "rapes": "rape", "raping": "rape", "gang-raped": "rape"}

# When several triggers tell one event, the most telling decides its type.
FAMILY_PRIORITY = ["chemical", "suicide", "air", "shell", "grenade", "explosive", "territory", "sexual", "abduct",
                   "execute", "mob", "riot", "protest", "clash", "kill", "attack", "destroy", "disrupt", "arrest",
                   "base", "transfer", "agreement", "change"]

# families that need no actor to be believed: the weapon word itself says what happened
WEAPON_FAMILIES = {"chemical", "suicide", "air", "shell", "explosive", "grenade"}

# verbs that, with a weapon as object, tell of weapons taken out of use (ACLED: disrupted weapons use):
# "seized grenades", "defused a bomb", "destroyed 300 mines", "a cache of rockets was found"
DISRUPT_VERBS = {"defuse", "dismantle", "intercept", "foil", "thwart", "confiscate", "find", "discover", "uncover",
                 "recover", "seize", "capture", "destroy", "clear", "remove", "neutralize", "neutralise", "detect",
                 "unearth"}
# heads that make a weapon word a name for people, places or talk, not a use of the weapon:
# "the bomb squad", "bomb disposal experts", "a bomb threat", "a bomb hoax", "air-raid shelters"
NOT_USE_HEADS = {"squad", "squads", "disposal", "expert", "experts", "technician", "technicians", "threat", "threats",
                 "scare", "scares", "hoax", "hoaxes", "shelter", "shelters", "detector", "detectors", "sniffer",
                 "maker", "makers", "making", "factory", "factories", "workshop", "alert", "alerts", "siren",
                 "sirens", "drill", "drills"}

# objects that make a verb of the "base", "disrupt" or "transfer" family an event
BASE_NOUNS = {"base", "bases", "post", "posts", "outpost", "outposts", "headquarters", "checkpoint", "checkpoints",
              "camp", "camps", "point", "points", "position", "positions", "garrison", "airbase", "airstrip",
              "barracks", "airbases"}
WEAPON_NOUNS = {"weapons", "weapon", "arms", "ammunition", "ammunitions", "explosives", "explosive", "ied", "ieds",
                "bomb", "bombs", "mine", "mines", "landmines", "rockets", "rocket", "missile", "missiles", "drone",
                "drones", "grenades", "grenade", "cache", "device", "devices", "shells", "mortars", "rifles", "guns",
                "artillery", "launcher", "launchers", "plot", "attack", "attacks", "vest", "belt", "pistols",
                "pistol", "bullets", "rounds", "projectiles", "stash", "munitions", "detonators", "firearms",
                "weaponry", "arsenal", "depot", "tunnel", "tunnels"}
# subjects that make a death a disaster or an accident, not political violence
HAZARDS = {"flood", "floods", "flooding", "rain", "rains", "earthquake", "quake", "storm", "cyclone", "hurricane",
           "typhoon", "landslide", "landslides", "avalanche", "tsunami", "drought", "heatwave", "heat", "fire",
           "blaze", "wildfire", "accident", "crash", "collision", "collapse", "disease", "virus", "covid", "covid-19",
           "coronavirus", "cholera", "outbreak", "lightning", "stampede", "tornado", "mudslide", "snow", "cold",
           "epidemic", "pandemic", "famine", "hunger", "malnutrition", "overdose", "volcano", "eruption", "leak",
           "spill", "flames", "smoke", "fumes", "explosion",
           "earthquakes", "quakes", "storms", "cyclones", "hurricanes", "typhoons", "tornadoes", "fires", "blazes",
           "wildfires", "accidents", "crashes", "eruptions", "avalanches", "tsunamis", "mudslides",
           # summaries of a whole war are not events: "a conflict that has killed 280,000 people"
           "war", "conflict", "crisis", "uprising", "revolution", "insurgency"}
# words that make an explosion industrial rather than an attack ("a gas explosion at a factory")
INDUSTRIAL = {"leak", "leaked", "leakage", "spill", "test", "tested", "testing", "gas", "boiler", "factory", "plant", "cylinder", "tanker", "pipeline", "refinery", "mine", "coal",
              "chemical", "fireworks", "warehouse", "fuel", "transformer", "reactor", "industrial", "storage",
              "container", "furnace", "solvents", "chemicals", "cylinders", "tanker", "workers",
              "pest", "pesticide", "pesticides", "fumigation", "fumigant", "phosphine", "fertilizer", "fertiliser"}
# crime that ACLED does not code as political violence or arrests
CRIME = {"drug", "drugs", "narcotics", "smuggling", "smugglers", "trafficking", "traffickers", "robbery", "robbers",
         "theft", "thieves", "fraud", "cartel", "gang", "gangs", "burglary", "heroin", "cocaine", "methamphetamine",
         "counterfeit", "bribery", "embezzlement", "poaching", "poachers",
         # migration enforcement: border guards detaining people who cross is not a political arrest
         "migrants", "migrant", "migration", "undocumented", "asylum-seekers"}
# people whose action is a protest whatever the verb ("crowds poured into the streets")
PROTESTERS = {"protesters", "protestors", "demonstrators", "strikers", "marchers", "crowds", "crowd", "rioters"}
# words around a protest that make it violent (ACLED: violent demonstration: demonstrators clash, throw things,
# vandalise, set fires, block roads with barricades); forms and lemmas, matched against both
RIOT_WORDS = {"aggressive", "violent", "violence", "stones", "stone", "rocks", "torched", "torch", "burned", "burnt",
              "burning", "vandalized", "vandalised", "vandalize", "vandalise", "looted", "looting", "loot", "smashed",
              "smash", "rioting", "rioters", "rioter", "molotov", "petrol", "clashed", "clash", "clashes", "hurled",
              "hurl", "pelted", "pelt", "rampage", "damaged", "projectiles", "bottles", "fireworks", "firecrackers",
              "barricade", "barricades", "roadblocks", "tyres", "tires", "scuffle", "scuffles", "ransack", "ablaze"}
# roads whose blocking by demonstrators ACLED counts as a violent demonstration
ROAD_WORDS = {"road", "roads", "street", "streets", "highway", "highways", "railway", "railways", "thoroughfares",
              "thoroughfare", "motorway", "bridge", "traffic", "junction", "intersection", "rail", "tracks"}
# words that say protesters were killed or badly hurt (ACLED: excessive force against protesters)
LETHAL_WORDS = {"killed", "kill", "shot", "died", "die", "gunfire", "bullets", "violently", "live", "wounded", "wound",
                "dead", "injured", "injure", "injuries", "excessive", "brutally", "fatally", "death", "deaths",
                "ammunition"}
# words that say the authorities intervened in a protest (forms and lemmas)
INTERVENTION_WORDS = {"dispersed", "disperse", "dispersal", "tear", "teargas", "water", "cannon", "cannons", "rubber",
                      "batons", "baton", "arrested", "detained", "beat", "beaten", "broke", "cordoned", "stun",
                      "pepper", "suppressed", "crackdown", "dispersing", "chased",
                      # base forms a headline's present tense leaves untagged as verbs ("Police detain protesters")
                      "detain", "detains", "disperses"}
# verbs (lemmas) that say the same ("police detain protesters", "forces suppress a march")
INTERVENTION_VERBS = {"disperse", "suppress", "arrest", "detain", "beat", "chase", "drag", "halt", "kettle", "cordon",
                      "crack", "break", "clear", "block"}
# perpetrators whose violence ACLED codes as mob violence (rioters acting outside any protest)
MOB_ACTORS = {"mob", "mobs", "villagers", "vigilantes", "vigilante", "residents", "locals", "youths", "lynch"}

# words of protests, as nouns and people ("broke up the rally", "detained protesters")
PROTEST_WORDS = {"protest", "protests", "protesters", "protestors", "demonstration", "demonstrations",
                  "demonstrators", "rally", "rallies", "march", "sit-in", "crowd", "crowds"}
# verbs of casualties: "two were killed and 15 injured as forces attacked" keeps the injuries in the killing's clause
CASUALTY_VERBS = {"injure", "wound", "hurt", "die", "perish", "kill"}
# words that make an explosion an attack rather than an accident
ATTACK_CONTEXT = {"attack", "attacks", "attacked", "bomber", "bombers", "militants", "claimed", "terrorist",
                   "terrorists", "insurgents", "planted", "targeted", "fired", "dropped", "shelling", "suicide",
                   "bomb", "bombs", "ied", "ieds", "device", "placed"}

# verbs whose object noun is the event ("launched counterattacks", "carried out airstrikes")
LIGHT_VERBS = {"launch", "carry", "conduct", "wage", "stage", "mount", "perpetrate", "commit", "unleash",
               "begin", "start", "continue", "intensify", "renew", "resume", "repel", "repulse", "hold",
               "organize", "organise", "witness", "see", "erupt", "break", "lead"}

SPEECH_VERBS = {"say", "claim", "report", "announce", "state", "confirm", "tell", "add", "deny", "accuse",
                "allege", "insist", "declare", "note", "write", "post", "publish", "show", "release", "quote"}

# heads of an infinitive that say the act happened ("were able to kill", "managed to seize")
# ("used tear gas to disperse", "fired live rounds to clear"): the purpose of force used is an act attempted
# ("gathered to protest", "blocked roads to protest"): a crowd that gathers or marches to protest protests
REALIS_HEADS = {"able", "manage", "succeed", "go", "continue", "begin", "start", "try", "use", "fire", "employ",
                "gather", "assemble", "converge", "block", "march", "rally", "demonstrate", "pour", "flood",
                "attempt", "take"}  # "in an attempt to disperse them" was tried; "took to the streets to protest"
IRREALIS_AUX = {"will", "would", "could", "may", "might", "should", "shall", "must", "can", "'ll", "wo"}

# objects that make seize/capture/take a territorial event rather than the taking of a thing
TERRITORY_NOUNS = {
    "town", "city", "village", "villages", "area", "areas", "district", "districts", "neighbourhood",
    "neighborhood", "neighbourhoods", "neighborhoods", "hill", "hills", "base", "airbase", "airport", "field",
    "oilfield", "oilfields", "positions", "position", "checkpoint", "checkpoints", "territory", "control",
    "region", "province", "countryside", "outskirts", "suburbs", "suburb", "mountain", "mountains", "crossing",
    "dam", "bridge", "road", "highway", "camp", "headquarters", "outpost", "outposts", "strongholds",
    "stronghold", "quarter", "quarters", "farms", "island", "peak", "ridge", "valley", "border", "port",
    "compound", "barracks", "garrison", "camps", "bases", "posts", "ridges", "hilltops", "hilltop",
    "towns", "cities", "regions", "provinces", "territories", "capital", "centre", "center", "enclave", "pocket",
    "heights", "ground", "localities", "settlement", "settlements", "municipality", "county",
    "airfield", "crossings",
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
    "chemical": ("Explosions/Remote violence", "Chemical weapon"),
    "sexual": ("Violence against civilians", "Sexual violence"),
    "mob": ("Riots", "Mob violence"),
    "disrupt": ("Strategic developments", "Disrupted weapons use"),
    "change": ("Strategic developments", "Change to group/activity"),
    "transfer": ("Strategic developments", "Non-violent transfer of territory"),
    "base": ("Strategic developments", "Headquarters or base established"),
    "agreement": ("Strategic developments", "Agreement"),
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
