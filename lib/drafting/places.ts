// Words for places named before what they hold: "the 2008 Mumbai attacks", "several Butte
// County communities", "the party's Ankara and Istanbul headquarters".

/** Nouns a place name may modify: events that happened there and what stands there. */
export const HELD_BY_PLACE =
  /^(attacks?|bombings?|blasts?|massacre|earthquake|quake|floods?|riots?|protests?|communities|towns|villages|suburbs|neighbourhoods|neighborhoods|headquarters|offices|office|residents|plant|refinery|airport|port|community)$/;

/** Words before such a name that only count or point: "several other", "the". */
export const COUNTING_WORDS = /^(the|a|an|several|other|many|some|all|both|two|three|four|five|few|most)$/i;

/** Last words of a name that make it an event or a body, not a place: "the Park Fire headquarters". */
export const NOT_A_PLACE_TAIL =
  /^(Fire|Storm|Hurricane|Typhoon|Cyclone|Festival|Games|Cup|Party|League|Club|Group|Company)$/;
