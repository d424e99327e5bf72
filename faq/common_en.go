package faq

import "strings"

// commonEnglish lists everyday English words (a general-service list, not
// health vocabulary). Two judgements use it: a match found only in an
// entry's answer counts for little when the word is an everyday one
// ("tomorrow", "back") and fully when it is specific ("aetna", "shingrix");
// and a word the knowledge base has never seen weighs against a confident
// answer more when it is specific ("costco", "amoxicillin") than when it
// is everyday chat ("sitter", "traffic").
var commonEnglish = wordSet(`
able about above accept accident according account across act action actually add address admit adult
afraid after afternoon again against age ago agree ahead air all allow almost alone along already also
although always amount and angry animal another answer any anybody anymore anyone anything anyway
anywhere apart apartment appear apply area arm around arrive art as ask asleep at attack attention aunt
available average avoid awake away awful baby back bad bag ball bank bar base basic bath bathroom be
beach bear beat beautiful because become bed bedroom been before begin behind believe belong below best
better between big bike bill bird birth birthday bit black blame blank blanket block blow blue board boat
body book bored boring born borrow boss both bother bottle bottom bought box boy boyfriend brain brand
bread break breakfast bring broke broken brother brown build building burn bus business busy but buy by
cake call calm came camera can car card care careful carry case cash cat catch caught cause center
certain chair chance change charge cheap check cheese child choice choose church city class clean clear
click clock close closed clothes club coat coffee cold college color come comfortable common company
complete computer confused cook cool copy corner correct could count country couple course cousin cover
crazy cream cross crowd cry cup cut cute dad daily damage dance dangerous dark date daughter day dead deal
dear decide deep definitely deliver deposit desk detail did die different difficult dinner direct dirty
do dog dollar done door double down dream dress drink drive drop dry during each ear early earth easy eat
edge egg either else email empty end enjoy enough enter entire especially even evening event ever every
everybody everyone everything everywhere exactly example except excited excuse expect expensive explain
extra eye face fact fail fair fall family famous fan far farm fast fat father fault favorite fear feel
feeling few field fight figure fill final finally find fine finger finish fire first fish fit fix flat
floor fly follow food foot for forever forget forgot form forward free fresh friday friend from front
fruit full fun funny future game garage garden gas gave get gift girl girlfriend give glad glass go god
gone good got grade grand grandma grandpa great green ground group grow guess guest guy guys hair half
hall hand handle hang happen happy hard hat hate have he head hear heart heavy hello help her here hey
high hill him his history hit hold hole holiday home honest hope horse hot hotel hour house how however
huge human hungry hurry hurt husband ice idea if important in inside instead interest interesting into
invite island it item job join joke just keep key kick kid kill kind kiss kitchen knew knock know lady
lake land language large last late later laugh law lawyer lay lazy lead learn least leave left leg less
lesson let letter library lie life lift light like line list listen little live local lock long look
lose lost lot loud love low luck lunch mad made mail main make man many map mark market married match
matter may maybe me meal mean meet meeting member mess message middle might mile milk mind mine minute
miss mistake mom moment monday money month mood more morning most mother move movie much music must my
name near nearly neck need neighbor never new news next nice night nobody noise none normal north nose
not note nothing notice now number of off offer office often oh ok okay old on once one only open or
order other our out outside over own page pain paint pair pants paper parent park part party pass past
pay people perfect person phone pick picture piece place plan plane play please plus pocket point police
poor popular possible post pretty price print private probably problem promise proud pull push put
quick quiet quit quite race rain raise ran rather reach read ready real really reason red relax remember
rent repeat reply rest return rich ride right ring road rock room rough round rule run sad safe said
sale same saturday save saw say school score sea seat second see seem seen sell send sense sent set
seven several shape share she shirt shoe shop short should shout show shower shut sick side sign simple
since sing single sister sit size skip sleep slow small smart smell smile snow so soft some somebody
someone something sometimes somewhere son song soon sorry sort sound south space speak special spend
sport spring stand star start state station stay step still stop store story straight strange street
strong stuck student study stuff stupid such sudden suddenly sugar summer sun sunday super supposed sure
surprise sweet swim table take talk tall taste tea teach teacher team tell ten terrible test than thank
thanks that the their them then there these they thing think third this those though thought through
throw thursday ticket tie till time tired to today together told tomorrow tonight too took top total
touch toward town toy traffic train trash travel tree trip trouble truck true trust try tuesday turn
twice two type ugly uncle under understand until up upset us use used usual usually vacation very view
visit voice wait wake walk wall want war warm wash watch water way we wear weather wedding wednesday
week weekend weird welcome well went were west wet what whatever wheel when where which while white who
whole why wide wife will win window winter wish with without woman wonder wonderful word work world
worried worry worse worst would write wrong yard yeah year yellow yes yesterday yet you young your
almost anyway basically literally seriously totally honestly hopefully apparently actually kinda sorta
stuff thing things lots bunch tons couple whatever somehow anyhow meanwhile besides otherwise
friend friends gonna wanna gotta ya yall cuz lol omg btw idk tbh asap rn
absolutely accidentally actual admitted afford afterwards agreed alarm alive allowed alright amazing annoying anxious anytime anyways apologize appreciate
approve arrived assume attached attend aware awhile babysitter backpack bailed bake bathtub battery beard bedtime beg begged behave
belly bench bend beside bet bite bitter bleed blend blessed blind blink bloody borrowed bothered bounce bowl brave
breath breathe brief bright brush bucket bug burned bury bust button buzz cable camping cancelled candle cant carpet
cartoon casual ceiling charger chat cheat checked cheer chew chill chilly chip chores chose chosen circle clap classic
clever climb closet cloud clue coach coast cocktail coin collect comb comfy commute complain concert confirm confuse congrats
cookie couch cough counter countdown county coworker cozy crack crash creek crib cried crush cure curious curtain damn
dare darn deadline dealt decent delay delete dentist deserve dessert diaper diet dig dirt disappointed discover dish dishes
dizzy doable doll dorm doubt downstairs downtown drag drain draw drawer dressed driveway drove drunk duck dude dumb
dust duty eager earlier earn earring easier easily edit eh elbow embarrassed emergency errand errands eventually exciting exhausted
fabulous fairly fake fancy fantastic favor feed fence fetch film firm flight flip flower fold folks fond forgive
fork freak freaked freaks freeze fridge friendly frozen furniture fuss garbage gate gather gear gentle gig glasses glove
glue golf goodbye gorgeous gosh grab grandkids grass grateful grill grocery groceries guilty gym habit hallway hardly headed
heard heat helpful hide highway hike hire hobby homework honey hook horrible hose host hug ignore ill imagine
impossible inch indeed iron jacket jar jeans journey juice jump junk kettle knee knife knot lamp laptop lately
laundry lawn leaf lemon lend level lid likely limit link loan lonely loose loss lounge lovely lucky magazine
major mall manage manager mash meant measure meat messy metal mirror mix monitor moon mop mostly motel motor
mountain mouse mouth mud mug nail nap narrow nasty naughty neat needle nephew nervous nickname niece nod noon
nowhere nurse nut obvious odd oil onion online option orange organize outfit oven owner pack package pajamas pal
pan parade pardon patio pause peace peanut pen pencil penny pepper perhaps pet photo piano picnic pics pie
pile pillow pin pink pizza plant plastic plate pleasant plenty plug polite pool pop porch pork pot potato
pound pour power practice pray present press pretend prize proper pump punch purple purse puzzle radio rang rare
realize receipt recent recipe record refuse remind remote repair report rescue result rice ridiculous rinse rip rise river
roll roof rope route row rub rude rug ruin rush salt sand sandwich sat scare scared scary schedule
scissors scratch scream screen season secret serious serve settle shake shame sharp shave sheet shelf shell shift shine
ship shock shoot shot shy sigh silly silver sink sip sitter sky slept slice slide slip smoke snack
sneak soap sock sofa soil solve someday soup spare speed spell spill spin spoon spot spread square stack
staff stage stairs stamp stare steal steam stick stiff stir stomach stone storm stove stranger straw stream stress
stretch strict string struggle style subway suit sunny supper suppose swap sweat sweater sweep switch tail tape tax
taxi tear teen teeth television temper tent text thick thin thirsty thread throat thumb tidy tight tiny tip
title toast toe toilet tomato tool tooth topic toss tough towel tower track trade trail tray treat trick
truth tub tune twin umbrella unless unlock upstairs urge useful vacuum van vehicle video village vote wallet waste
wave weak weigh whenever whisper wild wind wine wipe wire wise woke wood worth wrap yell yummy zip
zone
`)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// commonStems are the English stems of commonEnglish, for terms.
var commonStems = func() map[string]bool {
	m := make(map[string]bool, len(commonEnglish))
	for w := range commonEnglish {
		m[stem(langEN, w)] = true
	}
	return m
}()
