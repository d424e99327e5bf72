package bot

// safetyAbuseRules find someone hurting or threatening the sender: a
// partner or a family member who hits them, fear of going home. The reply
// gives 911 and the National Domestic Violence Hotline before anything
// else. A message that is also a crisis ("my partner hits me and the only
// way out is dying") gets the crisis reply, which gives 911 too.
//
// The guards keep the questions a clinic is asked about it ("do you screen
// for domestic violence", "what if my partner hits me") and the far past
// ("my dad hit me when i was little") out.
var safetyAbuseRules = []string{
	// "my husband hits me", "my boyfriend choked me last night", "my ex
	// keeps threatening me".
	"A/nhtspj @abuser *2 hits|hit|beats|beating|hitting|pushes|pushed|pushing|chokes|choked|choking|strangles|strangled|strangling|kicks|kicked|kicking|slaps|slapped|slapping|punches|punched|punching|abuses|abused|abusing|rapes|raped|threatens|threatened|threatening|hurts|shoves|shoved|shoving me",
	"A/nhtspj @abuser *2 beat|beats|beating me up", // not "beat me at chess", "beats me"
	// "he hits me when he drinks": a pronoun, only for what is done again
	// and again.
	"A/nhtspj he|she *1 always|keeps|still|often|sometimes? *1 hits|beats|chokes|strangles|abuses|rapes|hitting|beating|choking|abusing|raping me",
	// "i'm being abused", "i was raped last night", "he is abusive".
	"A/nhtspj im|i|am|been|being|getting|got *1 being? abused|raped|molested|assaulted|beaten|battered",
	"A/nhtspj @abuser *2 is|has|gets|got *1 been? *1 abusive|violent",
	"A/nhtspj abusive relationship|marriage|partner|husband|boyfriend|girlfriend|wife|home",
	"A/nhtspj experiencing|suffering|living *2 domestic|partner|family *1 violence|abuse",
	// "i'm scared to go home", "afraid of my husband".
	"A/ntspj scared|afraid|terrified|frightened *3 go|going|be|come|coming *1 back? *1 home tonight|today|again|anymore? $",
	"A/ntspj scared|afraid|terrified|frightened *3 go|going|be|come|coming *1 back? *1 home because|cause|bc|cuz|he|she|they",
	"A/ntspj scared|afraid|terrified|frightened *1 of *1 my *1 husband|wife|boyfriend|girlfriend|partner|ex|bf|gf",
	// A child who hits a parent is abuse when the parent is afraid: "my
	// son hits me and i'm scared", "mi hijo me pega y tengo miedo"; not "my
	// son hit me with a ball", nor a toddler's hitting asked about.
	"A/nhtspj my *1 adult|grown|teenage? *1 son|daughter|stepson|stepdaughter|granddaughter|kids|children *2 hits|hit|beats|beating|hitting|pushes|pushed|pushing|chokes|choked|choking|kicks|kicked|kicking|slaps|slapped|slapping|punches|punched|punching|abuses|abused|abusing|threatens|threatened|threatening|hurts|shoves|shoved|shoving me *8 scared|afraid|terrified|frightened|unsafe|danger",
	"A/nhtspj mi|mis *1 hijo|hija|hijos|hijas|hijastro|hijastra|nieto|nieta|nietos *3 me *1 pega|golpea|maltrata|pego|golpeo|maltrato|amenaza|amenazo|ahorca|ahorco|empuja|empujo|pegan|golpean|maltratan|amenazan *8 miedo|peligro|asustada|asustado",
	// Spanish: "mi esposo me pega", "me esta golpeando", "tengo miedo de
	// volver a casa", "sufro violencia domestica".
	"A/nhtspj @abuser *3 me *1 pega|golpea|maltrata|pego|golpeo|maltrato|amenaza|amenazo|ahorca|ahorco|viola|violo|empuja|empujo|abusa|abuso",
	"A/nhtspj @abuser *3 me *1 hace|hacen|hizo|hicieron *1 dano",
	"A/nhtspj me *1 esta|estan *1 pegando|golpeando|maltratando|amenazando|ahorcando|violando|abusando",
	"A/ntspj miedo *3 volver|regresar|ir|llegar *1 a? *1 casa",
	"A/ntspj miedo *1 de|a *1 mi *1 esposo|esposa|marido|novio|novia|pareja|ex",
	"A/nhtspj sufro|vivo|viviendo|sufriendo *2 violencia|maltrato|abuso",

	// QA: threats to kill or hurt the sender, and fear of them. "my
	// boyfriend threatened to kill me", "he threatened me with a knife",
	// "mi esposo amenazó con matarme", "he says he'll shoot me", "im scared
	// my husband will kill me", "tengo miedo de que me mate". A "kill me"
	// with its reason ("...when he sees the bill", "...if i miss school") is
	// an idiom (safety_rules_idiom.go), unless the reason is leaving or
	// telling ("he'll kill me if i leave him").
	"A/nhtspj threatened|threatens|threatening|threaten *2 to *1 kill|shoot|stab|hurt|murder|strangle|choke|burn|beat|rape me|us|my",
	"A/nhtspj threatened|threatens|threatening|threaten|amenazo|amenaza|amenazando|amenazado me? *1 with|con *1 a|an|un|una|his|her|su? *1 knife|gun|pistol|rifle|weapon|machete|bat|cuchillo|pistola|arma|navaja",
	"A/nhtspj amenazo|amenaza|amenazando|amenazado *1 con|de *1 matarme|matarnos|dispararme|apunalarme|lastimarme|golpearme|quemarme|ahorcarme",
	"A/nhtspij says|said|saying|keeps|told|swears|swore|threatens *3 hell|shell|will|gonna|going|would|hed|shed *2 to? *1 shoot|stab|kill|strangle|choke|murder me|us",
	"A/nhtspij dice|dijo|diciendo|amenaza *4 me|nos *1 va|iba|quiere *1 a? *1 matar|disparar|apunalar|ahorcar",
	"A/nhtspij dice|dijo|diciendo|amenaza *3 va|iba|quiere *1 a? *1 matarme|dispararme|apunalarme|ahorcarme|matarnos",
	"A/ntspij scared|afraid|terrified|frightened|fear|worried *3 @abuser|he|she|hes|shes|hell|shell *4 kill|shoot|stab|hurt|murder|strangle|choke|rape me|us",
	"A/ntspij miedo|asustada|asustado|aterrada|aterrado *2 que *1 me *1 mate|matara|dispare|golpee|pegue|apunale|ahorque",
	"A/ntspij miedo|asustada|asustado|aterrada|aterrado *5 @abuser|el|ella *3 me *1 mate|matara|dispare|golpee|pegue|apunale|ahorque",
	"A/nhtspj kill|hurt|shoot|stab|murder|find me *1 if|when *1 i *1 ever|try|tried? *1 to? *1 leave|left|leaving|divorce *1 him|her|them",
	"A/nhtspj kill|hurt|shoot|stab|murder|find me *1 if|when *1 i *1 ever|try|tried? *1 to? *1 leave|left|leaving $",
	"A/nhtspj kill|hurt|shoot|stab|murder|find me *1 if|when *1 i *1 ever|try|tried? *1 to? *1 tell|told|call|called|report *1 the? *1 anyone|anybody|someone|police|cops|911",
	"A/nhtspj matar|mata|matara|matarme|lastimar|lastima *1 si *2 lo|la? *1 dejo|denuncio|deje|cuento",
	// "mi esposo me va a matar", "my husband is going to kill me": a
	// partner's threat with no reason after it.
	"A/nhtspj husband|wife|boyfriend|girlfriend|partner|ex|bf|gf|fiance|fiancee|esposo|esposa|marido|novio|novia|pareja *3 going|gonna|will|wants|va|quiere|hell|shell *2 to|a? *1 kill|matar|matarme|murder me? $",
	// "my ex is outside my house with a knife", "he pointed a gun at me",
	// "me apuntó con una pistola".
	"A/nhtspj @abuser|he|she|someone|somebody|guy|man|alguien *4 outside|afuera|banging|pounding|breaking|chasing|waiting|persiguiendo|esperando|golpeando *6 knife|gun|pistol|rifle|weapon|machete|cuchillo|pistola|arma|navaja",
	"A/nhtspj pointed|pointing|pulled|pulling|waved|waving *2 a|an|his|her|the? *1 knife|gun|pistol|rifle|weapon|machete *1 at|on *1 me|us|my",
	"A/nhtspj me *1 apunto|apunta|apuntando|amenazo *1 con *2 pistola|arma|cuchillo|navaja|machete",
	// "im not safe at home", "i don't feel safe at home", "no estoy
	// segura en mi casa", "no me siento seguro en casa".
	"A/tspj i|im|me|am|we|were|feel *2 not|dont|no|arent *1 feel? *1 safe *1 at|in *1 my|the|our? *1 home|house",
	"A/tspj no *1 me|nos? *1 siento|estoy|sentimos|estamos|siente|esta *1 segura|seguro|seguros|seguras *1 en *1 mi|la|su|nuestra? *1 casa|hogar",
	// "my dad touches me and i dont like it", "mi tío me toca y no me
	// gusta", "he touched my private parts".
	"A/nhtspj touches|touched|touching|touch me *4 and *2 dont|didnt|doesnt|not *2 like|want",
	"A/nhtspj @abuser|el|alguien|primo|abuelo|vecino|maestro|padrino me *1 siempre|todavia|aun|ya? *1 toca|toco|tocaba|tocando|manosea|manoseo|manoseaba *4 y *2 no *2 gusta|quiero",
	"A/nhtspj touches|touched|touching|toca|toco|tocaba|manosea|manoseo me|my|mis|mi *2 inappropriately|inapropiadamente",
	"A/nhtspj @abuser|he|she|someone|somebody|uncle|cousin|grandpa|grandfather|stepbrother|neighbor|coach|teacher|alguien|primo|abuelo|vecino *2 touches|touched|touching|toca|toco|tocaba|manosea|manoseo *2 me|my|mis|mi *2 private|privates|partes *1 intimas|privadas?",
}

// safetyOrdinaryRules are requests the model behind the rules misread:
// "ya no quiero más recordatorios" is an opt-out, not "ya no quiero
// vivir". A rule that finds a crisis in the same message still does.
var safetyOrdinaryRules = []string{
	"N no *1 quiero|queremos|quiere *2 recordatorios|recordatorio|mensajes|mensaje|citas|avisos|consejos|textos|notificaciones|alertas|llamadas|correos",
	// "delete all of my data and my account": a request to be forgotten.
	"N delete|erase|remove|wipe|borra|borrar|borren|elimina|eliminar|eliminen *4 data|datos|account|cuenta|information|info|informacion|records|history",
}
