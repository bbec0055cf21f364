import { describe, expect, it } from "vitest";

import { checkNickname, isRefusedNickname, NICKNAME_MESSAGES, nicknameKey } from "@/lib/live/nickname";

describe("guest nicknames", () => {
  it("keeps an ordinary nickname, tidied, in any alphabet", () => {
    expect(checkNickname("  Ana   Lopes ")).toEqual({ ok: true, nickname: "Ana Lopes", key: "ana lopes" });
    for (const name of [
      "Zoë",
      "Jean-Luc",
      "O'Neill",
      "sam_99",
      "Дмитрий",
      "李明",
      "Peacock",
      "Grape Ape",
      "Montenegro",
    ])
      expect(checkNickname(name)).toMatchObject({ ok: true, nickname: name });
  });

  it("says what is wrong with the length or the characters", () => {
    expect(checkNickname("   ")).toEqual({ ok: false, message: NICKNAME_MESSAGES.empty });
    expect(checkNickname("A")).toEqual({ ok: false, message: NICKNAME_MESSAGES.short });
    expect(checkNickname("A".repeat(21))).toEqual({ ok: false, message: NICKNAME_MESSAGES.long });
    expect(checkNickname("A".repeat(20))).toMatchObject({ ok: true });
    expect(checkNickname("sam<script>")).toEqual({
      ok: false,
      message: "A nickname may use letters, digits, spaces and . _ ' - only (not “<”).",
    });
    expect(checkNickname("sam 🙂")).toMatchObject({ ok: false, message: expect.stringContaining("🙂") });
    expect(checkNickname("12345")).toEqual({ ok: false, message: NICKNAME_MESSAGES.noLetter });
  });

  it("refuses listed words however they are disguised", () => {
    for (const name of ["fuck", "FUCK you", "f u c k", "f.u.c.k", "fuuuuck", "phil5hit", "sh1t", "5h!t"])
      expect(isRefusedNickname(name), name).toBe(true);
    expect(checkNickname("sh1tty")).toEqual({ ok: false, message: NICKNAME_MESSAGES.refused });
    expect(checkNickname("ßitch")).toMatchObject({ ok: true }); // not a b
    expect(checkNickname("bítch")).toEqual({ ok: false, message: NICKNAME_MESSAGES.refused });
    // Cyrillic look-alikes of Latin letters.
    expect(checkNickname("р0rn star")).toEqual({ ok: false, message: NICKNAME_MESSAGES.refused });
    expect(checkNickname("wh0re")).toEqual({ ok: false, message: NICKNAME_MESSAGES.refused });
    expect(checkNickname("niggger")).toEqual({ ok: false, message: NICKNAME_MESSAGES.refused });
  });

  it("reads look-alike letters of other alphabets as the Latin letters they look like", () => {
    for (const name of [
      "ΝIGGER", // Greek capital Nu
      "ΝAΖI", // Greek Nu and Zeta
      "Ηitler", // Greek capital Eta
      "shıt", // dotless i
      "ѕhit", // Cyrillic dze
      "sʜit", // small capital H
      "pɪss", // small capital I
      "ꜰuck", // small capital F
      "ΝΑΖΙ", // all Greek capitals
      "ЅНІТ", // all Cyrillic capitals
    ])
      expect(isRefusedNickname(name), name).toBe(true);
    expect(checkNickname("ΝΑΖΙ")).toEqual({ ok: false, message: NICKNAME_MESSAGES.refused });
  });

  it("refuses a word mixing Latin with Greek or Cyrillic letters, and keeps names in one alphabet", () => {
    for (const name of ["Ѕam", "Αna", "Nikοs"])
      expect(checkNickname(name), name).toEqual({ ok: false, message: NICKNAME_MESSAGES.mixed });
    for (const name of [
      "Νίκος",
      "Ελένη",
      "Αθηνά",
      "Игорь",
      "Наталья",
      "Ольга",
      "Zoë",
      "Łukasz",
      "Søren",
      "Işık",
      "Nguyễn",
      "Ana Ольга",
    ])
      expect(checkNickname(name), name).toMatchObject({ ok: true, nickname: name });
  });

  it("keeps ordinary names that hold a refused word by chance", () => {
    for (const name of ["Matsushita", "Scunthorpe"]) expect(checkNickname(name), name).toMatchObject({ ok: true });
    expect(checkNickname("Matsushita shit")).toEqual({ ok: false, message: NICKNAME_MESSAGES.refused });
    expect(checkNickname("shit ake")).toEqual({ ok: false, message: NICKNAME_MESSAGES.refused });
  });

  it("refuses invisible characters and needs a visible letter", () => {
    for (const name of [
      "\u3164\u3164",
      "Ana\u3164",
      "\u115F\u1160x",
      "Ana\uFFA0",
      "A\u200Bna",
      "An\u200Da",
      "Ana\uFE0F",
      "Ana\u00AD",
    ])
      expect(checkNickname(name), JSON.stringify(name)).toEqual({ ok: false, message: NICKNAME_MESSAGES.invisible });
    expect(checkNickname("A\u0301\u0302na")).toMatchObject({ ok: true }); // two accents on a letter
    expect(checkNickname("A\u0301\u0302\u0303na")).toEqual({ ok: false, message: NICKNAME_MESSAGES.marks });
    expect(checkNickname("Ana \u0301\u0301")).toEqual({ ok: false, message: NICKNAME_MESSAGES.marks });
    expect(checkNickname("Z\u0351\u0352\u0353\u0354algo")).toEqual({ ok: false, message: NICKNAME_MESSAGES.marks });
  });

  it("refuses short words only as whole words, so ordinary names keep them inside", () => {
    expect(checkNickname("big ass")).toEqual({ ok: false, message: NICKNAME_MESSAGES.refused });
    expect(checkNickname("a s s")).toEqual({ ok: false, message: NICKNAME_MESSAGES.refused });
    expect(checkNickname("a55")).toEqual({ ok: false, message: NICKNAME_MESSAGES.refused });
    for (const name of ["Cassandra", "Glass", "Hancock", "Scrappy", "Niger", "Announcer", "Pakistan fan"])
      expect(checkNickname(name), name).toMatchObject({ ok: true });
  });

  it("makes nicknames that differ only in case or width the same key", () => {
    expect(nicknameKey("Ana")).toBe(nicknameKey("ANA"));
    expect(nicknameKey("Ａｎａ")).toBe(nicknameKey("ana"));
    expect(nicknameKey(" Ana  Lee ")).toBe(nicknameKey("ana lee"));
    expect(nicknameKey("Ana")).not.toBe(nicknameKey("Anna"));
    expect(nicknameKey("Ｓａｍ Student")).toBe(nicknameKey("sam student"));
    expect(nicknameKey("ЅАМ")).toBe(nicknameKey("Sam")); // Cyrillic look-alikes
    expect(nicknameKey("Élodie")).toBe(nicknameKey("ÉLODIE"));
    expect(nicknameKey("Élodie")).not.toBe(nicknameKey("Elodie"));
  });
});
