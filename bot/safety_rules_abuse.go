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
}

// safetyOrdinaryRules are requests the model behind the rules misread:
// "ya no quiero más recordatorios" is an opt-out, not "ya no quiero
// vivir". A rule that finds a crisis in the same message still does.
var safetyOrdinaryRules = []string{
	"N no *1 quiero|queremos|quiere *2 recordatorios|recordatorio|mensajes|mensaje|citas|avisos|consejos|textos|notificaciones|alertas|llamadas|correos",
	// "delete all of my data and my account": a request to be forgotten.
	"N delete|erase|remove|wipe|borra|borrar|borren|elimina|eliminar|eliminen *4 data|datos|account|cuenta|information|info|informacion|records|history",
}
