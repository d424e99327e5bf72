package bot

// The rule language, shared by every table:
//
//	EFFECT[/GUARDS] SLOT [*N] SLOT ...
//
// A SLOT is a set of words ("die|morir"), a class ("@pills"), a number range
// ("#8", "#1-60"), or a mix of them; a trailing "?" makes it optional. "*N"
// lets up to N other tokens come before the next slot (never a negation, and
// never across a sentence end). "^" and "$" pin the match to the start and
// end of a sentence. Words are written as the scanner folds them.
//
// EFFECT is what a match means: C (a crisis), E (an emergency), S (an act of
// self-harm done), A (someone hurting or threatening the sender), N (words
// judged ordinary: the model behind the rules does not overrule them), c.KIND and e.KIND (one weak clue; two kinds make a crisis
// or an emergency), or, in the marker tables (this file and the look-alike
// one), a marker "!NAME" that only sets context for the guards ("!skip"
// sets none: with k it only consumes its tokens).
//
// GUARDS cancel a trigger in a context: n negated, f intended not done, a
// after an event, s asked about as a service, h hypothetical, p far past, q
// far or recent past (both unless acute), o habitual (unless acute), r
// resolved, j laughed at, t a topic word within two tokens, i part of an idiom.
// x cancels a match on tokens a marker consumed; on a marker, k consumes
// the tokens it matched.

// safetyMarkerRules set the context. They run over the whole chunk before
// any trigger.
var safetyMarkerRules = []string{
	// Scopes over the next few tokens.
	"!skip/k no one", // "no one cares" negates nothing
	"!skip/k cant|cannot|couldnt stop|quit|help", // "can't stop thinking about it" is no negation of it
	"!skip/k no *1 puedo|puede|podia dejar",
	"!skip/k sleep|asleep|dormir|dormirme *4 and|y? *1 not|no|never|nunca", // a wish, not a person who will not wake
	"!neg/x @neg",
	"!neg without|denies|deny|niega",
	"!fut @fut",
	"!post after|since|from|post|despues|desde|following",
	"!svc do|does|did you|your *2 have|offer|do|screen|provide|teach|run|host|take|accept|cover|train|hold|sell|carry|recommend|prescribe|treat|test|check|give|know",
	"!svc is|are there *2 a|an|any|some",
	"!svc where|how *3 can|do|could *1 i|we *2 find|get|buy|sign|join|learn|register|make|request|download|print|order",
	"!svc what|which|whats *3 training|trainings|resources|programs|classes|services|options|info|information|policy",
	"!svc can|could you *1 send|recommend|email|mail|refer|share|explain",
	"!svc information|info|pamphlets|pamphlet|brochures|brochure|resources|materials|classes|class|handouts|flyers|literature on|about|for|regarding",
	"!svc is|isnt it|that|this *1 normal|common|safe|ok|okay|typical|expected",
	"!svc tienen|ofrecen|hay|venden|manejan|atienden|aceptan",
	"!svc donde|como *2 puedo|consigo|encuentro|obtengo",
	"!svc informacion|folletos|folleto|clases|clase|platicas|talleres sobre|de|para|acerca",
	"!svc es *1 normal",
	"!svc ^ what|whats|how|who|which|where|does|do|why",
	"!hypo if|when|incase|whenever someone|somebody|anyone|anybody|a|an|people|person|your|you|alguien|they|one",
	"!hypo in case *1 of? *1 a|an|someone",
	"!hypo ^ what if",
	"!hypo what|how *2 to|should|do|would *2 do|tell|know|happens|recognize|spot *1 if|when",
	"!hypo signs|sign|symptoms|symptom|warning|senales|sintomas|signos of|de",
	"!hypo que|como *1 hacer|saber *1 si|cuando|en",
	"!hypo si alguien|usted",
	"!hypo afraid|scared|fear|fears|terrified|worried|worry|miedo|temor *1 of|about|de|a",
	"!hypo da|tengo|tiene miedo *1 que|de",
	"!hypo risk|chance|chances|odds|riesgo|probabilidad *1 of|de",

	// Time: far past, recent past, acute, habitual, resolved.
	"!past #1-100|a|an|few|several|couple|many|some|two|three|four|five|ten *2 years|yrs|yr|year|months|month|mos|decades|decade|anos|ano ago|back|atras",
	"!past last|past year|summer|winter|spring|fall|autumn|decade|christmas|thanksgiving",
	"!past in|since|back|around|en|desde #1900-2099",
	"!past in the past",
	"!past years|yrs|decades|anos ago|back|atras",
	"!past history|hx|historial|antecedentes of|de",
	"!past used to",
	// "i went into labor at 36 weeks with my first baby": a story of an
	// earlier birth (not "with my first" alone: "im in labor with my first").
	"!past with|con|in|en my|mi first|primer|primera|previous|anterior|last|ultimo|ultima pregnancy|baby|child|son|daughter|embarazo|bebe|hijo|hija|parto",
	"!past when i|she|he *1 was|were",
	"!past as a teen|teenager|kid|child",
	"!past hace *2 anos|ano|meses|mes|tiempo",
	"!past el|la ano|mes pasado|pasada",
	"!past de|desde nino|nina|joven|chico|chica|adolescente|pequeno|pequena|chiquito|chiquita",
	"!recent in|since|last|back|early|late|en|desde|de january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
	"!topic had|tuvo|tuve *1 a|an|un|una *1 heart|seizure|stroke|infarto|derrame|convulsion|ataque|embolia|overdose|sobredosis|miscarriage",
	"!topic had|tuvo|tuve seizures|convulsiones|strokes",
	"!past survived|survivor|recovered|recovering|recuperando|recupere",
	"!recent yesterday|ayer|anoche|overnight|earlier",
	"!recent last wk|wkend|mo",
	"!past was|were|been hospitalized|admitted|hospitalizado|hospitalizada|internado|internada",
	"!recent last night|week|weekend|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|time",
	"!recent #1-60|a|few|couple|two|three|several|some *1 days|day|weeks|week|wks|dias|dia|semanas|semana ago|back|atras",
	"!recent the other day|night",
	"!recent la|el semana|otro pasada|dia",
	"!recent hace *1 dias|dia|semanas|semana",
	"!acute/x right now",
	"!acute/x rn|currently|happening|ahorita|ongoing|actively",
	"!acute as we speak",
	"!acute ahora mismo",
	"!acute en este momento",
	"!acute #1-180|a|an|few|couple *1 min|mins|minutes|minute|hour|hours|hr|hrs|sec|seconds|minutos|horas|hora ago",
	"!acute in|within|for|over|during the last|past *1 hour|hours|hr|hrs|minutes|min|mins|half",
	"!acute en|durante la|las *1 ultima|ultimas|ultimos *1 hora|horas|minutos",
	"!acute just had|took|fainted|collapsed|passed|fell|started|happened|swallowed|drank",
	"!chronic every|each|cada day|night|month|time|morning|week|period|cycle|year|dia|noche|mes|vez|manana|semana",
	"!chronic for|since *3 weeks|months|years|ages|while|awhile|forever|semanas|meses|anos",
	"!chronic always|usually|often|monthly|sometimes|frequently|occasionally|constantly|siempre|seguido|normalmente|frecuentemente|chronic|cronico|cronica",
	"!chronic when|whenever|cuando|if i|im|he|hes|she|shes|they|my|yo *2 run|runs|running|cough|coughs|coughing|exercise|exercises|exercising|workout|climb|climbs|climbing|walk|walks|walking|lie|lay|lying|laying|eat|eats|eating|laugh|laughs|drink|drinks|stand|stands|sneeze|work|works|working|bend|bends|lift|lifts|lifting|anxious|stressed|nervous|panicking|worried|upset|sleep|sleeping|swim|swims|swimming|shower|play|plays|playing|cry|cries|crying|corro|camino|toso|como|duermo",
	"!chronic has|have|gets|get|tiene|suffers|suffer|sufre *1 seizures|convulsiones|migraines|strokes|nosebleeds",
	"!chronic period|periods|menstrual|regla|menstruacion|cycle|cycles",
	"!chronic snore|snores|snoring|apnea|cpap|ronca|ronquidos|sleepwalking",
	"!chronic at night|nights|bedtime",
	"!chronic all|whole week|weekend|month|day|night|year|semana|mes|dia",
	"!chronic after|from|de|por *1 coughing|cough|running|lifting|working|exercising|workout|sneezing|toser|tos|anxiety|ansiedad|stress|estres|panic|nervios|allergies|alergias|asthma|asma|gym|swimming|cold",
	"!chronic in the cold",
	"!chronic cold *1 water|weather|air",
	"!chronic in|during *1 my|his|her|their sleep",
	"!resolved/k fine|ok|okay|alright|normal|normally|better|good|stable|recovered|awake|great *1 now",
	"!resolved/k now *2 fine|ok|okay|better|stable|normal|awake|alright",
	"!resolved/k playing|acting|eating|talking|walking|behaving|laughing|running *1 normal|normally|fine|like",
	"!resolved back to normal",
	"!resolved it|that|bleeding|which|seizure|pain|everything|symptoms|swelling *2 stopped|passed|resolved|cleared|subsided|went",
	"!resolved stopped bleeding|seizing",
	"!resolved/k but|pero *2 fine|ok|okay|alright|better|bien",
	"!resolved/k seems|seemed|looks|looked|parece *1 fine|ok|okay|alright|better|normal|bien",
	"!resolved ya *1 esta|estoy|paso|se|estamos *1 bien|paso",
	"!resolved discharged|dado",

	// Laughing.
	"!joke lol|lmao|lmfao|rofl|jk|xd|lolz|kidding|joking|bromeando|broma|bromita",
}
