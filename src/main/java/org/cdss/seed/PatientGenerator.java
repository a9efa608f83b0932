package org.cdss.seed;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.cdss.patients.PatientSearchKeys;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.stereotype.Component;

/**
 * Synthetic Korean patients: surnames by their frequency in Korea (김, 이, 박… about half the population under five
 * names), given names of two common syllables (sometimes one), the usual romanisation, ages 0–95, mobile numbers
 * 010-xxxx-xxxx, addresses in the large cities, blood groups by their Korean frequency. No resident registration
 * number: synthetic people must not carry a plausible real one (the column is nullable; the UI shows none).
 */
@Component
class PatientGenerator implements SeedGenerator {

    static final String INSERT = "INSERT INTO patient (id, mrn, name, name_latin, birth_date, sex, active, phone,"
            + " phone_digits, address, blood_type, name_initials, created_at, updated_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?, ?, ?, 0)";

    // surname, romanisation, share in per mille (Statistics Korea, 2015 census, rounded)
    private static final Object[][] SURNAMES = {
        {"김", "Kim", 215},
        {"이", "Lee", 147},
        {"박", "Park", 84},
        {"최", "Choi", 47},
        {"정", "Jung", 43},
        {"강", "Kang", 24},
        {"조", "Cho", 21},
        {"윤", "Yoon", 20},
        {"장", "Jang", 20},
        {"임", "Lim", 17},
        {"한", "Han", 15},
        {"오", "Oh", 15},
        {"서", "Seo", 15},
        {"신", "Shin", 14},
        {"권", "Kwon", 14},
        {"황", "Hwang", 14},
        {"안", "Ahn", 13},
        {"송", "Song", 13},
        {"전", "Jeon", 11},
        {"홍", "Hong", 11},
        {"유", "Yoo", 11},
        {"고", "Ko", 9},
        {"문", "Moon", 9},
        {"양", "Yang", 9},
        {"손", "Son", 9},
        {"배", "Bae", 8},
        {"백", "Baek", 8},
        {"허", "Heo", 6},
        {"남", "Nam", 6},
        {"심", "Shim", 5},
        {"노", "Noh", 4},
        {"하", "Ha", 4},
        {"곽", "Kwak", 4},
        {"성", "Sung", 4},
        {"차", "Cha", 4},
        {"주", "Joo", 4},
        {"우", "Woo", 4},
        {"구", "Koo", 4},
        {"민", "Min", 3},
        {"류", "Ryu", 3}
    };
    private static final String[][] SYLLABLES = {
        {"민", "min"},
        {"서", "seo"},
        {"지", "ji"},
        {"현", "hyun"},
        {"준", "jun"},
        {"우", "woo"},
        {"수", "su"},
        {"영", "young"},
        {"은", "eun"},
        {"하", "ha"},
        {"도", "do"},
        {"윤", "yoon"},
        {"예", "ye"},
        {"진", "jin"},
        {"성", "sung"},
        {"재", "jae"},
        {"동", "dong"},
        {"혜", "hye"},
        {"연", "yeon"},
        {"상", "sang"},
        {"정", "jung"},
        {"호", "ho"},
        {"원", "won"},
        {"경", "kyung"},
        {"희", "hee"},
        {"주", "ju"},
        {"승", "seung"},
        {"태", "tae"},
        {"유", "yu"},
        {"아", "a"},
        {"인", "in"},
        {"석", "seok"},
        {"혁", "hyuk"},
        {"빈", "bin"},
        {"훈", "hoon"},
        {"건", "gun"},
        {"채", "chae"},
        {"나", "na"},
        {"소", "so"},
        {"미", "mi"},
        {"철", "cheol"},
        {"숙", "suk"},
        {"자", "ja"},
        {"순", "sun"},
        {"용", "yong"},
        {"규", "gyu"}
    };
    private static final String[][] PLACES = {
        {"서울특별시", "강남구", "서초구", "송파구", "종로구", "마포구", "노원구", "강서구", "관악구"},
        {"부산광역시", "해운대구", "부산진구", "사하구", "동래구"},
        {"인천광역시", "남동구", "연수구", "부평구"},
        {"대구광역시", "수성구", "달서구", "북구"},
        {"대전광역시", "유성구", "서구"},
        {"광주광역시", "북구", "광산구"},
        {"경기도 수원시", "영통구", "팔달구", "장안구"},
        {"경기도 성남시", "분당구", "수정구"},
        {"경기도 고양시", "일산동구", "덕양구"},
        {"울산광역시", "남구", "중구"}
    };
    private static final String[] STREETS = {
        "중앙로", "세종대로", "테헤란로", "한강대로", "역삼로", "시민로", "번영로", "문화로", "새마을로", "대학로", "공원로", "해안로"
    };
    // share in per mille: A 34%, O 28%, B 27%, AB 11%, Rh- about 0.3% of each
    private static final Object[][] BLOOD = {
        {"A_POS", 339},
        {"O_POS", 279},
        {"B_POS", 269},
        {"AB_POS", 109},
        {"A_NEG", 1},
        {"O_NEG", 1},
        {"B_NEG", 1},
        {"AB_NEG", 1}
    };
    private static final int SURNAME_TOTAL = total(SURNAMES);
    private static final int BLOOD_TOTAL = total(BLOOD);

    @Override
    public String kind() {
        return "patients";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void generate(SeedContext context) {
        SplittableRandom random = context.random(kind());
        LocalDate today = context.plan.today();
        var created = UtcTimestamps.toColumn(context.now);
        for (int i = 0; i < context.plan.patients(); i++) {
            Object[] surname = pick(SURNAMES, SURNAME_TOTAL, random);
            int givenLength = random.nextInt(100) < 95 ? 2 : 1;
            StringBuilder name = new StringBuilder((String) surname[0]);
            StringBuilder latin = new StringBuilder();
            for (int s = 0; s < givenLength; s++) {
                String[] syllable = SYLLABLES[random.nextInt(SYLLABLES.length)];
                name.append(syllable[0]);
                latin.append(syllable[1]);
            }
            String nameLatin = surname[1] + " " + Character.toUpperCase(latin.charAt(0)) + latin.substring(1);
            LocalDate birthDate = today.minusDays(1 + random.nextInt(96 * 365));
            String sex = random.nextBoolean() ? "M" : "F";
            String phone = String.format("010-%04d-%04d", 2000 + random.nextInt(8000), random.nextInt(10000));
            String[] place = PLACES[random.nextInt(PLACES.length)];
            String address = place[0] + " " + place[1 + random.nextInt(place.length - 1)] + " "
                    + STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(300));
            String blood = random.nextInt(100) < 3 ? "UNKNOWN" : (String) pick(BLOOD, BLOOD_TOTAL, random)[0];
            String fullName = name.toString();
            context.writer.insert(
                    "patient",
                    INSERT,
                    context.patientId(i).toString(),
                    SeedContext.mrn(i),
                    fullName,
                    nameLatin,
                    birthDate,
                    sex,
                    phone,
                    PatientSearchKeys.phoneDigits(phone),
                    address,
                    blood,
                    PatientSearchKeys.initials(fullName),
                    created,
                    created);
        }
    }

    private static Object[] pick(Object[][] weighted, int total, SplittableRandom random) {
        int r = random.nextInt(total);
        for (Object[] entry : weighted) {
            r -= (Integer) entry[entry.length - 1];
            if (r < 0) {
                return entry;
            }
        }
        return weighted[weighted.length - 1];
    }

    private static int total(Object[][] weighted) {
        int sum = 0;
        for (Object[] entry : weighted) {
            sum += (Integer) entry[entry.length - 1];
        }
        return sum;
    }
}
