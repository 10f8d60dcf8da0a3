#include "actors/find_actors.h"

#include <gtest/gtest.h>

#include <sstream>

#include "text/tokenize.h"

namespace crosscheck::actors {
namespace {

const ActorDictionary& Dict() {
  static const ActorDictionary* dict = [] {
    Result<ActorDictionary> loaded = ActorDictionary::Load(std::string(CROSSCHECK_SOURCE_DIR) + "/data/actors");
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().ToString();
      std::abort();
    }
    return new ActorDictionary(std::move(loaded).value());
  }();
  return *dict;
}

std::vector<ActorMention> Find(std::string_view text) {
  text::TokenStream tokens = text::Tokenize(text);
  return FindActors(Dict(), text, tokens);
}

std::string Describe(std::string_view text, const std::vector<ActorMention>& mentions) {
  std::ostringstream out;
  for (const ActorMention& m : mentions) {
    out << "  [" << m.span.Of(text) << "] name=" << m.name << " person=" << m.person << " role=" << m.role
        << " anon=" << m.anonymous << " adj=" << m.adjective << " mod=" << m.modifier << "\n";
  }
  return out.str();
}

// One expectation: some mention of `text` has this name (and person, role, flags when given).
struct Case {
  const char* text;
  const char* name;
  const char* person = "";
  const char* role = "";
  int anonymous = -1;  // -1: not checked
  int adjective = -1;
  const char* modifier = "";
};

class MentionTest : public ::testing::TestWithParam<Case> {};

TEST_P(MentionTest, FindsTheMention) {
  const Case& c = GetParam();
  std::vector<ActorMention> mentions = Find(c.text);
  bool found = false;
  for (const ActorMention& m : mentions) {
    if (m.name != c.name) continue;
    if (*c.person && m.person != c.person) continue;
    if (*c.role && m.role != c.role) continue;
    if (c.anonymous >= 0 && m.anonymous != (c.anonymous == 1)) continue;
    if (c.adjective >= 0 && m.adjective != (c.adjective == 1)) continue;
    if (*c.modifier && m.modifier != c.modifier) continue;
    found = true;
  }
  EXPECT_TRUE(found) << c.text << "\nexpected " << c.name << " / " << c.person << " / " << c.role << "\ngot:\n"
                     << Describe(c.text, mentions);
}

INSTANTIATE_TEST_SUITE_P(
    Sentences, MentionTest,
    ::testing::Values(
        // Spokespeople and titled people link to their organisation.
        Case{"Major Lena Ortiz, spokesman for the US Central Command, said no aircraft flew that night.",
             "US Central Command", "Lena Ortiz", "spokesman", 0},
        Case{"Pentagon Press Secretary Mark Ellison said the strikes hit two depots.", "US Department of Defense",
             "Mark Ellison", "Press Secretary"},
        Case{"Omar Haddad, director of the Syrian Observatory for Human Rights, said 14 people died.",
             "Syrian Observatory for Human Rights", "Omar Haddad", "director"},
        Case{"Major General Ivan Sokolov, Deputy Head of the Russian Reconciliation Center in Syria, said a drone "
             "was used.",
             "Russian Reconciliation Center in Syria", "Ivan Sokolov", "Deputy Head"},
        Case{"The Saudi-led coalition denied it. Coalition spokesman Brigadier-General Faisal al-Otaibi told "
             "reporters the claim was false.",
             "Saudi-led coalition", "Faisal al-Otaibi", "spokesman"},
        Case{"A spokesman for the Libyan National Army, Ahmed Kareem, said the camp was hit.", "Libyan National Army",
             "Ahmed Kareem", "spokesman"},
        Case{"LNA spokesman Salem Ghanem said the raid targeted a drone room.", "Libyan National Army", "Salem Ghanem",
             "spokesman"},
        Case{"U.S. Central Command spokesman, Maj. Dana Price, said the strikes were lawful.", "US Central Command",
             "Dana Price", "spokesman"},
        Case{"Captain Noor Saleh of the U.S. Central Command confirmed the strike.", "US Central Command",
             "Noor Saleh"},
        Case{"Russian President Vladimir Petrov met the envoy on Friday.", "Russia", "Vladimir Petrov", "President"},
        Case{"United Nations Libya envoy Karim Salah condemned the strike.", "UN Special Envoy for Libya",
             "Karim Salah"},
        Case{"UN spokesman Ali Rahimi said the convoy was hit.", "United Nations", "Ali Rahimi", "spokesman"},
        // A state's possessive before its forces names its military.
        Case{"Mali's army denied hitting the market.", "Malian Armed Forces"},
        Case{"Russia's forces shelled the town overnight.", "Russian military"},
        // A later surname links back to the organisation.
        Case{"Pentagon Press Secretary Mark Ellison spoke on Monday. Ellison said more strikes were possible.",
             "US Department of Defense", "Mark Ellison"},
        Case{"Major General Ivan Sokolov, Deputy Head of the Russian Reconciliation Center, spoke. Sokolov stated "
             "that civilians died.",
             "Russian Reconciliation Center in Syria", "Ivan Sokolov"},
        // Anonymous sources keep their affiliation.
        Case{"A US official said the drone was probably Israeli.", "US official", "", "official", 1},
        Case{"An Israeli military spokesperson declined to comment.", "Israeli military spokesperson", "",
             "spokesperson", 1},
        Case{"Yemeni security officials said dozens were wounded.", "Yemeni security officials", "",
             "security officials", 1},
        Case{"An al-Shabab source said a missile struck the town.", "al-Shabab source", "", "source", 1},
        Case{"Officials in the UN-backed government said 40 people died.", "Government of National Accord", "",
             "Officials", 1},
        Case{"A local official said the toll had risen.", "local official", "", "local official", 1},
        Case{"Residents said the blast shook the whole district.", "residents", "", "Residents", 1},
        Case{"Medics at the scene counted eleven bodies.", "medics", "", "Medics", 1},
        Case{"Two witnesses described loud explosions.", "witnesses", "", "witnesses", 1},
        Case{"Regional governor Petro Lysenko said two people died.", "Regional governor", "Petro Lysenko"},
        // Adjectives, possessives, hyphenated compounds.
        Case{"American warplanes struck the depot.", "United States", "", "", -1, 1},
        Case{"Turkish artillery shelled the village.", "Turkey", "", "", -1, 1},
        Case{"The raid was carried out by Houthi gunmen.", "Houthis", "", "", -1, 1},
        Case{"Iran-backed militias fired rockets at the base.", "Iran", "", "", -1, 1, "backed"},
        Case{"Iraq's Popular Mobilisation Forces said 22 fighters were killed.", "Popular Mobilization Forces"},
        Case{"Iraq's Popular Mobilisation Forces said 22 fighters were killed.", "Iraq"},
        Case{"The Saudi-led coalition's statement denied any role.", "Saudi-led coalition"},
        // Spellings and transliterations.
        Case{"Kata’ib Hezbollah denied the report.", "Kata'ib Hezbollah"},
        Case{"Kataib Hezbollah denied the report.", "Kata'ib Hezbollah"},
        Case{"Fighters of al Shabaab attacked the base.", "Al-Shabaab"},
        Case{"The Hashd al-Shaabi said one member died.", "Popular Mobilization Forces"},
        Case{"Harakat Al-Nujabaa vowed revenge.", "Harakat al-Nujaba"},
        Case{"HTS later denied shelling the town.", "Hayat Tahrir al-Sham"},
        Case{"The strike hit a Daesh hideout, the ministry said.", "Islamic State"},
        Case{"Let us see what IS fighters did.", "Islamic State"},
        Case{"SANA reported that three civilians died.", "Syrian Arab News Agency"},
        Case{"Syria’s state news agency said the army repelled the attack.", "Syrian Arab News Agency"},
        Case{"Moscow denied the report.", "Russian government"},
        Case{"Damascus blamed Washington for the strike.", "US government"},
        Case{"The Ukrainian General Staff said four drones were downed.", "General Staff of the Armed Forces of Ukraine"},
        Case{"The Britain-based Syrian Observatory reported 30 deaths.", "Syrian Observatory for Human Rights"},
        Case{"Fighting spread after the Tatmadaw shelled the camp.", "Tatmadaw"},
        // Shared forms follow the document's context.
        Case{"Somalia's army, the SNA, fought al-Shabaab near Mogadishu.", "Somali National Army"},
        Case{"Turkish-backed fighters of the SNA entered the town in northern Syria.", "Syrian National Army"},
        Case{"Houthi rebels hold Sanaa. The coalition denied the strike.", "Saudi-led coalition"},
        // Unknown organisations are kept unresolved.
        Case{"The attack was claimed by the so-called Desert Lions.", "Desert Lions"},
        Case{"Fighters from the Northern Falcons group attacked.", "Northern Falcons"},
        Case{"Liwa Jabal al-Sharq, a local militia, denied involvement.", "Liwa Jabal al-Sharq"},
        Case{"The Martyr Saleh Brigade claimed responsibility.", "Martyr Saleh Brigade"}));

TEST(FindActorsTest, KeepsPersonUnknownActorsUnresolved) {
  std::vector<ActorMention> mentions = Find("The attack was claimed by the so-called Desert Lions.");
  ASSERT_EQ(mentions.size(), 1u) << Describe("", mentions);
  EXPECT_EQ(mentions[0].actor, -1);
}

// Ordinary words are never actors.
class NegativeTest : public ::testing::TestWithParam<const char*> {};

TEST_P(NegativeTest, FindsNothing) {
  std::vector<ActorMention> mentions = Find(GetParam());
  EXPECT_TRUE(mentions.empty()) << GetParam() << "\n" << Describe(GetParam(), mentions);
}

INSTANTIATE_TEST_SUITE_P(Ordinary, NegativeTest,
                         ::testing::Values("Is it true that most of us agreed?",
                                           "This is what the report says about us.",
                                           "He said the group would continue its work.",
                                           "The official said it was not their business.",
                                           "BEIRUT — The talks ended without a deal.",
                                           "They were caught in a coalition of circumstances at the front line."));

TEST(FindActorsTest, PronounUsIsNotTheCountry) {
  std::string_view text = "He told us the US is to blame.";
  std::vector<ActorMention> mentions = Find(text);
  ASSERT_EQ(mentions.size(), 1u) << Describe(text, mentions);
  EXPECT_EQ(mentions[0].span.Of(text), "US");
  EXPECT_EQ(mentions[0].name, "United States");
}

TEST(FindActorsTest, SpansPointIntoTheText) {
  std::string_view text = "Major Lena Ortiz, spokesman for the US Central Command, said no aircraft flew.";
  std::vector<ActorMention> mentions = Find(text);
  ASSERT_EQ(mentions.size(), 1u) << Describe(text, mentions);
  EXPECT_EQ(mentions[0].span.Of(text), "Major Lena Ortiz, spokesman for the US Central Command");
  EXPECT_EQ(mentions[0].actor_span.Of(text), "US Central Command");
  EXPECT_EQ(mentions[0].type, "military");
  EXPECT_EQ(mentions[0].country, "US");
}

TEST(FindActorsTest, MentionsAreSortedAndDisjoint) {
  std::string_view text =
      "SANA said US forces struck the town. CENTCOM denied it, while residents and medics counted the dead. "
      "The Syrian Observatory, a war monitor, said Hezbollah and the IRGC had positions there.";
  std::vector<ActorMention> mentions = Find(text);
  ASSERT_GE(mentions.size(), 7u) << Describe(text, mentions);
  for (size_t idx = 1; idx < mentions.size(); ++idx) {
    EXPECT_LE(mentions[idx - 1].span.end, mentions[idx].span.begin);
  }
}

TEST(FindActorsTest, PossessiveBeforeOtherNounsStaysTheState) {
  std::vector<ActorMention> mentions = Find("Iran's proxies fired rockets at the base.");
  ASSERT_FALSE(mentions.empty());
  EXPECT_EQ(mentions[0].name, "Iran") << Describe("Iran's proxies fired rockets at the base.", mentions);
}

// "at" may open an Arabic name only written onto it ("at-Tall"); before a town it is English.
TEST(FindActorsTest, RoleAtATownHasNoPersonalName) {
  std::string_view text = "It was confirmed by a doctor at Zakho hospital and by Abd at-Tawwab.";
  std::vector<ActorMention> mentions = Find(text);
  for (const ActorMention& mention : mentions) EXPECT_EQ(mention.person.find("Zakho"), std::string::npos) << Describe(text, mentions);
}

TEST(FindActorsTest, StateMinistriesComeFromTemplates) {
  std::string_view text = "Ukraine's foreign ministry and the Kenyan Ministry of Interior said so.";
  std::vector<ActorMention> mentions = Find(text);
  ASSERT_EQ(mentions.size(), 2u) << Describe(text, mentions);
  EXPECT_EQ(mentions[0].name, "Ukrainian Foreign Ministry");
  EXPECT_EQ(mentions[0].type, "government");
  EXPECT_EQ(mentions[1].name, "Kenyan Interior Ministry");
  EXPECT_EQ(mentions[1].country, "KE");
}

// "Amnesty International Nigeria": a country right after a monitor names its branch; "the
// Christian Association of Nigeria": a name closed by an organisation word is a body, kept
// unresolved, not a person of the state.
TEST(FindActorsTest, BranchesAndBodiesOfACountryAreNotTheState) {
  std::string_view text = "Amnesty International Nigeria and the Christian Association of Nigeria said so.";
  std::vector<ActorMention> mentions = Find(text);
  ASSERT_EQ(mentions.size(), 2u) << Describe(text, mentions);
  EXPECT_EQ(mentions[0].name, "Amnesty International");
  EXPECT_EQ(text.substr(mentions[0].span.begin, mentions[0].span.end - mentions[0].span.begin),
            "Amnesty International Nigeria");
  EXPECT_EQ(mentions[1].name, "Christian Association of Nigeria");
  EXPECT_LT(mentions[1].actor, 0);
  EXPECT_TRUE(mentions[1].person.empty());
}

// "a doctor at Nasser Hospital": an unnamed medic speaks for the place of care named after
// "at"; "a nurse at the scene" keeps the role.
TEST(FindActorsTest, MedicsAtANamedHospitalSpeakForIt) {
  std::string_view text = "A doctor at Nasser Hospital and a nurse at the scene said so.";
  std::vector<ActorMention> mentions = Find(text);
  ASSERT_EQ(mentions.size(), 2u) << Describe(text, mentions);
  EXPECT_EQ(mentions[0].name, "Nasser Hospital");
  EXPECT_TRUE(mentions[0].anonymous);
  EXPECT_EQ(mentions[1].name, "nurse");
}

TEST(FindActorsTest, EmptyTextHasNoMentions) { EXPECT_TRUE(Find("").empty()); }

}  // namespace
}  // namespace crosscheck::actors
