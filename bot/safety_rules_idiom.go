package bot

// safetyLookalikeRules mark the words that make a trigger a look-alike: a
// topic word near it ("suicide prevention", "seizure meds"), or an idiom it
// is part of ("dying to", "can't breathe through my nose"). They are markers
// and run with safetyMarkerRules.
var safetyLookalikeRules = []string{
	// Topic words: a nominal trigger within two tokens of one is a subject of
	// conversation, not an event.
	"!topic prevention|prevent|preventing|awareness|aware|training|trainings|trained|train|pamphlet|pamphlets|brochure|brochures|flyer|flyers|leaflet|leaflets|handout|handouts|poster|posters|literature|info|information|resources|resource|education|educational|class|classes|course|courses|workshop|workshops|seminar|webinar|program|programs|group|groups|meeting|meetings|month|walk|fundraiser|event|events|research|statistics|stats|rate|rates|risk|risks|screening|screenings|screen|screens|screened|assessment|questionnaire|survey|policy|policies|protocol|protocols",
	"!topic disorder|disorders|medication|medications|meds|medicine|neurologist|form|forms|paperwork|papers|dmv|license|clearance|cleared|insurance|coverage|covered|copay|cost|costs|price|bill|billing|cpr|aid|narcan|naloxone|kit|squad|doors|sprint|sprints|drill|drills|runs|mission|wings|survivor|survivors|bereavement|grief|memorial|hazard|hazards|refill|refills|prescription|prescriptions|rehab|rehabilitation|therapy|recovery|specialist|trial|bias",
	"!topic inherited|genetic|genes|gene|hereditary|familial|benign|malignant|syndrome|disease|diseases|infancy|neonatal|affected|diagnose|diagnosis|outlook|prognosis|treatments|causes|partial|episodes|types|type",
	"!topic prevencion|capacitacion|folleto|folletos|taller|talleres|grupo|grupos|platica|charla|clase|clases|informacion|programa|formulario|seguro|caminata|evento|campaign|ribbon|book|books|movie|film|show|song|documentary|article|essay|project|homework|xray|ray|scan|ct|mri|ekg|ecg|test|testing|tests|study|studies|exam|ultrasound",
	"!topic died|death|dead|lost|losing|committed|completed|perdi|murio|muerte|fallecio *3 suicide",
	"!topic se suicido|suicidaron",
	"!topic se quito|quitaron la vida",
	"!topic how much|many *3 normal|common|typical|expected|ok|okay",
	"!topic side *1 effect|effects",
	"!topic efecto|efectos *1 secundario|secundarios|adverso|adversos",
	"!topic what|whats *2 signs|symptoms|causes|cause|risk|difference|treatment|treatments",
	// Stories on a screen or a page, and a class's subject (safety_blind6).
	"!topic movie|movies|film|show|shows|series|episode|episodes|season|book|novel|novela|pelicula|serie|documentary|documental|character|characters|personaje|personajes|scene|scenes|escena|escenas|storyline|plot|podcast|game *8 suicide|suicidal|suicidar|suicida|overdose|overdoses|sobredosis|overdosing",
	"!topic suicide|overdose|sobredosis|overdoses scene|scenes|escena|escenas|storyline|plot|question|questions|pregunta|preguntas",
	"!topic toxicity|toxic|toxicidad|toxica|toxico *2 in|of|en|de *1 an? *1 overdose|overdoses|sobredosis",
	"!topic died|passed|murio|fallecio *1 away? *1 of|from|de|del *1 a|an|un|una?",
	"!topic anaphylaxis|allergy|allergies|asthma|seizure|seizures|emergency|anafilaxia|alergia|asma action|care|emergency|safety *1 plan|plans|kit",
	"!idiom no|not|without|sin|denies|any|never *1 trouble|difficulty|problem|problems|issues|dificultad|problemas *1 breathing|respirar|respirando",
	"!topic trained|train|alerts|alert|detects|detect|senses|sense|entrenado|entrenada *3 seizure|seizures|convulsiones|convulsion|lows|sugars",
	// What a child keeps at school, and a pen to replace: "need an epipen
	// for school", "needs a new epipen", "needs her epipen refilled" ask
	// for a form or a prescription (QA).
	"!topic for|para la? school|daycare|camp|escuela|guarderia|campamento",
	"!topic spare|backup|extra|new|second|another|expired|otra|otro|nueva|nuevo *1 epipen|epipens|epi|epinephrine",
	"!topic epipen|epipens|epi|epinephrine *1 refilled|renewed|replaced|expired|expires|expiring|prescription|script|rx|form|forms|refill|refills",
	"!topic trends|trend|statistics|stats|rates|research|paper|report|epidemic|crisis|tendencias|estadisticas",

	// Idioms and ordinary senses of alarming words.
	"!idiom @kill @self laughing|laughin|working|studying|trying|doing|training|cleaning|running",
	"!idiom @kill @self to *2 finish|get|make|pay|keep|please|impress|lose|meet",
	"!idiom @kill @self with|over|at *2 work|this|school|studying|gym|homework|exercise|workouts|overtime|training|cardio|chores|job|trabajo",
	"!idiom shoot|shot|shooting @self in the foot",
	"!idiom protect|defend|defending|protecting|defenderme|protegerme @self?",
	"!idiom die|dying|died|muero|morir|morirme|muerta|muerto|muriendo|dead of|from|de|del *1 laughing|laughter|laughin|embarrassment|boredom|bored|heat|cold|hunger|curiosity|shame|cuteness|thirst|sleep|verguenza|hambre|risa|sueno|calor|frio|aburrimiento|cansancio|sed|envidia|ganas|miedo|nervios|amor|pena|tristeza|celos|curiosidad|excitement|anticipation|jealousy|fright|fear|suspense|happiness|joy|felicidad|cringe|exhaustion|fatigue|old",
	"!idiom dying|muriendo|muero|die to|for|por",
	"!idiom rather *1 die|dead than *1 get|eat|wear|pay|see|sit|call|wait|watch|miss|listen|drive",
	"!idiom die|dye|dyeing|dying my|her|his|the *1 hair|beard|eyebrows|brows|clothes|shirt|roots",
	"!idiom die|dies|died down|out|off|hard|trying",
	"!idiom dead tired|serious|seriously|set|last|wrong|center|end|weight|lift|zone|line|skin|ass|asleep|cansado|cansada",
	"!idiom live|living|vivir in|with|at|near|alone|there|close|far|downtown|together|paycheck|con|en|cerca|solo|sola|abroad",
	"!idiom wake|waking|despertar|despertarme|woke up? early|at|for|on|temprano|para|so|before|till|til|until",
	"!idiom @breathe *1 through|thru|out|with|by|por *2 nose|nostril|nostrils|nariz|mouth|boca",
	"!idiom nose|nariz|nasal|sinus|sinuses|stuffy|stuffed|congested|congestion|tapada|tapado|mocos *5 @breathe",
	"!idiom laughing|laugh|laughed|riendo|risa *4 @breathe",
	"!idiom @breathe problems|problem|issues|issue|difficulties|treatment|treatments|machine|test|exercises|techniques|tests",
	"!idiom choking|choked|choke up|back|hazard|hazards",
	"!idiom feel|feels|feeling|felt|like|siento *2 drowning|ahogando|ahogo|ahogandome",
	"!idiom drowning|ahogando|ahogo|drown in|en|de *1 work|paperwork|bills|debt|deudas|trabajo|homework|emails|stress|laundry|papers|tareas|calor",
	"!idiom almost|nearly|practically|basically|casi *3 heart|infarto|stroke|died|die|seizure|muero|mori",
	"!idiom gave|give|giving|gives|causing *2 heart|stroke|seizure",
	"!idiom casi *2 me|le? *1 da|dio|daba|dar *1 un? infarto|derrame|ataque",
	"!idiom me *1 dio|da|daba infarto|un",
	"!idiom heart|infarto *3 when|price|prices|bill|cost|costs|precio|cuenta|saw|vi|cuando",
	"!idiom collapsed|collapse lung|lungs|vein|veins|building|roof|ceiling|tent|bridge|economy|market",
	"!idiom vein|veins|lung|roof|ceiling|tent|vena|venas *2 collapsed|colapso",
	"!idiom a|with|walking|walk|walks|slight|little|bad|noticeable limp",
	"!idiom limp wrist|handshake|noodle|lettuce|hair|biscuit",
	"!idiom razor|sun|carpet|rug|ice|freezer|heart|mat|friction burn|burns",
	"!idiom stroke|strokes of *1 luck|genius|midnight|brilliance",
	"!idiom back|breast|brush|pen|key|master|golf|swim|swimming stroke|strokes",
	"!idiom overdosed|overdose|od|oded|overdosing on *1 coffee|caffeine|sugar|candy|netflix|chocolate|cuteness|sun|tiktok|memes|carbs|pizza|gym|love|vitamin|vitamins|cafe",
	"!idiom #0-1000000 kms|km",
	"!idiom #0-1000000 mg|mcg|ml|milligrams|milligram|units|unit|cc|iu|gr|grams|gram|mgs|mls",
	"!idiom @harm @self *4 lifting|playing|running|working|workout|shaving|cooking|chopping|skiing|skating|exercising|moving|gardening|while|slipped|tripped|fell|accident|accidentally|gym|work|kitchen|glass|paper|stove|pan|oven|iron|curling|sports|football|soccer|basketball|baseball",
	"!idiom accidentally|accidently|accident|accidental *3 @harm|cut",
	"!idiom @harm|burned|burnt @self on a|an|the|some|my|broken|glass|metal|rusty|sharp|can|paper",
	"!idiom @harm|burned|burnt my|his|her *1 arm|arms|hand|hands|finger|fingers|leg|legs *4 stove|oven|pan|iron|curling|grill|coffee|tea|water|oil|cooking|kitchen|accident|accidentally|fire|campfire|sun|shaving|saw|glass|knife|work|gym|playing",
	"!idiom cutting|cut|cortar|cortarme *2 hair|bangs|nails|grass|lawn|sugar|carbs|back|cable|ties|down|costs|hours|class|pelo|cabello|unas|coupons|onions|vegetables|wood|paper|cake|corners",
	"!idiom jumping|jump|jumped|saltar *2 on|jacks|rope|over|up|around|for|to|through|ship|gun|castle|house|start|board|onboard|queue|line|at|bandwagon|trampoline",
	"!idiom jump|jumping into|in the? pool|shower|car|conversation",
	"!idiom end|ending it with|early|at|before|after|by|on|when|via|through|online|for",
	"!idiom thanks|thank|thx|ty|ok|okay|k|kk|gracias|bueno|cool|great|perfect|alright|see|later|cya|talk|night|noche|have|good|nice|nos *4 bye|goodbye|adios|byebye",
	"!idiom bye|goodbye|adios *3 thanks|thx|gracias|see|for|talk|have|take|cuidate|nos",
	"!idiom take|taking *2 life back|into",
	"!idiom life|vida insurance|coach|alert|seguro|expectancy|jacket|hack|hacks|style|lesson|lessons|goals|story|partner|span|support|savings|changing|changes|choices",
	"!idiom end|ending|final *1 of *1 life",
	"!idiom portal|app|website|site|page|office|clinic|screen|phone|system|computer|server|link|email|they|you|staff|doctor|dr|nurse|team|pharmacy|insurance|text|texts|messages|mensajes|telefono|pagina *4 @neg *1 responding|respond|responde|responden|responsive",
	"!idiom responding|respond|responde|responden to|a *3 messages|message|calls|call|emails|email|texts|text|mensajes|llamadas|treatment|medication|meds|antibiotics|therapy|tratamiento",
	"!idiom confused|confusion|confundido|confundida about|by|with|on|why|how|what|where|which|if|whether|sobre|con|por|de|que",
	"!idiom talk|speak|hablar|talking|speaking to|with|right|now|rn|ahorita|about|on|english|ingles|spanish|espanol|con|de|a|the|in|at|y",
	"!idiom get|getting|levantarme|levantarse up *1 early|for|in|on|at|temprano|para",
	"!idiom i|im|ive|yo *2 cant|cannot|wont|dont|didnt|couldnt|no *1 wake|waking|woke|despierto|despertar|despertarme",
	"!idiom die|dead|morir|muero *1 if|si *8 lol",
	"!idiom lol *8 die|dead|morir|muero *1 if|si",
	"!idiom move|moving|moverse|mover *3 appointment|appt|appointments|visit|cita|car|money|house|date|up|forward|back|out|on|to",
	"!idiom fell|fallen|falling|cai|cayo asleep|behind|apart|through|for|dormido|dormida",
	"!idiom faint line|lines|positive|smell|heart|hope|idea|memory|sound|color|scar",
	"!idiom a|little|light|bit|slight|minor|some|tiny|spotting *1 of? bleeding|bled|bleed|blood|sangrado|sangre",
	"!idiom bleeding|bled|bleed|sangrado|sangre|sangrando a? little|bit|tiny|poquito|poco",
	"!idiom @ingest|ate|gave|given *4 water|coffee|tea|juice|milk|smoothie|soda|wine|beer|vodka|tequila|whiskey|liquor|gatorade|agua|cafe|leche|jugo|refresco|cerveza|vino|pizza|cake|cookies|chips|food|comida|icecream|candy|popcorn|dinner|lunch|breakfast|snacks|pie",
	"!idiom took|taken|tome|tomo *3 all|whole|entire|todo|todas|toda *1 day|night|week|morning|afternoon|time|year|month|weekend|dia|noche|semana|strength|energy|courage|money|savings|fuerza|tiempo",
	"!idiom @pills *2 with|as|on|to *2 me|food|trip|vacation|prescribed|directed|pharmacy|comida|receta|farmacia|work|school",
	"!idiom saving|save|saved money|on|cash|bucks|dinero",
	"!idiom tirarme|aventarme|lanzarme en|a *1 la? *1 cama|sofa|piscina|alberca|sillon",
	"!idiom cortar|cortarme|corte|cortando|cortado *2 pelo|cabello|unas|fleco|flequillo|dedo",
	"!idiom @stroke|@seizure|@bleed|@chest|suicide|attack|pain|heart clinic|center|centre|unit|referral|referrals|specialist|ward|department|team|doctor|nurse|program|survivor|survivors|support|recovery|rehab|prevention",
	"!idiom sunburn|sunburned|sunburnt|sun|peel|peels|exfoliating|exfoliation|retinol|tretinoin|laser|dry|eczema|psoriasis|facial|lips|feet|heels *8 skin",
	"!idiom skin *6 sun|sunburn|sunburned|peel|retinol|tretinoin|laser|dry|eczema|psoriasis|facial|exfoliating",
	"!idiom derrame *2 ojo|ojos|aceite|petroleo|pleural",
	"!idiom @stroke|@seizure like|type|related|associated",
	"!idiom food|lead|mercury|arsenic|salmonella|radiation|metal|alimentaria poisoning|intoxicacion",
	"!idiom intoxicacion alimentaria|por",
	// QA: look-alikes of the threat, labour and reminder rules.
	// "kill me" with its reason is anger's or a scolding's idiom: "my
	// husband is going to kill me when he sees the bill", "my mom will kill
	// me if i miss school", "mi mamá me va a matar si llego tarde".
	"!idiom kill|murder me *1 if|when|once|for|cuz|cause|because|bc|after|over",
	"!idiom matar|mata|mate|matara|matarme si|cuando|por|porque",
	// "shoot me an email", "shoot a video", "shoot my coworkers' headshots",
	// "shoot for 3pm", "stab him in the back", "take a stab at it".
	"!idiom shoot|shooting|shot *4 email|emails|text|texts|message|line|note|dm|msg|call|photo|photos|pictures|picture|pics|pic|video|videos|headshots|headshot|portraits|portrait|film|footage|wedding|session|photoshoot|scene|commercial|movie|tiktok|reel|reels|vlog|camera|hoops|pool|breeze|baskets|basket|for|fotos|foto|correo|mensaje",
	"!idiom stab|stabbing|stabbed *3 in *1 the|my|his|her *1 back",
	// Labour: the ward, the holiday, the union; asking how to tell.
	"!idiom labor|labour and|n? delivery|room|ward|unit|floor|department|dept|triage|day|union|law|laws|market|force",
	"!idiom know|tell|sure|signs|sign|symptoms|saber|senales|sintomas *3 im|am|estoy|if|si|whether|when|cuando *2 in|en|into *2 labor|labour|parto",
	"!idiom in labor|labour *6 at|in|en *1 the|el? *1 hospital|hosp",
	"!idiom fuente|fuentes *1 de|del *1 vidrio|cristal|ceramica|horno|porcelana|barro|ensalada|pyrex|comida|chocolate|agua|sodas|ingresos|informacion",
	// "un ataque de ansiedad cada vez que manejo": the "de ansiedad" the
	// habit markers read as a cause ("por ansiedad") leaves the habit to this.
	"!idiom ataque|ataques *1 de *1 panico|ansiedad *2 cada|cuando|siempre|todos|seguido|frecuentemente",
	// Asking whether pills may be taken together, and a doctor's orders.
	"!idiom can|could|should|may i|we|she|he|one just|also|still? take|taking|swallow *3 all|every",
	"!idiom puedo|debo|puede|podemos|debemos|se tomar|tomarme|tomarse|tomarlas *3 todas|todos",
	"!idiom ok|okay|safe|fine|alright|bad|better|bien|mal|mejor|normal *2 to|para? *1 take|taking|tomar|tomarme|tomarse|swallow *3 all|every|todas|todos",
	"!idiom doctor|dr|pharmacist|nurse|indico|recomendo|prescribed *4 take|taking|tomar|tomarme|tomarse *3 all|every|todas|todos",
	// A goodbye before a trip, a shift or a move.
	"!idiom goodbye|bye|adios|despedirme|despedir *8 before|airport|aeropuerto|flight|vuelo|trip|viaje|vacation|vacaciones|leaving|salir|work|trabajo|school|escuela|party|fiesta|deployment|surgery|cirugia|mudanza|move|moving|bus|train|tren|camion",
	// "a sore throat and you're closed": the clinic closes, not the throat
	// (never "it's closing", which may be the throat).
	"!idiom you|youre|ur|u|yall|they|theyre|office|clinic|store|pharmacy|lab|doors|ustedes closed|close|closes|closing|cerrado|cerrados|cerrada",
}
