//! The handover format: the text a report's QR code carries to a network
//! provider or an insurer. HANDOVER.md at the repository root is its
//! specification; the test vectors there are checked below.

use crate::device::imei::{self, Imei, ImeiError};
use crate::report::{
    Address, ClaimReference, Code, Imeis, Insurance, InsurerName, MakerName, Model, PersonName,
    PoliceForce, PolicyNumber, Reference, Report, Text, TextError, Victim, WhatHappened,
    is_forbidden,
};
use crate::values::date::{DateError, When};
use crate::values::phone::{PhoneError, PhoneNumber};

/// The first line of every code: the format's name and version.
pub const HEADER: &str = "PHONE-THEFT-REPORT/1";
const FORMAT_PREFIX: &str = "PHONE-THEFT-REPORT/";
const CHECKSUM_PREFIX: &str = "CRC32: ";
/// Far above the largest report (under 700 bytes); anything longer is not a
/// report code, and refusing it early keeps decoding cheap.
pub const MAX_CODE_BYTES: usize = 4096;

/// Who a code is for. Each gets only the fields it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Recipient {
    /// IMEIs, phone number, reference, police force, date, make and model.
    NetworkProvider,
    /// All of those, plus insurer, policy, claim, and name and address when
    /// the victim added them.
    Insurer,
}

impl Recipient {
    pub const ALL: [Recipient; 2] = [Recipient::NetworkProvider, Recipient::Insurer];

    fn value(self) -> &'static str {
        match self {
            Recipient::NetworkProvider => "network provider",
            Recipient::Insurer => "insurer",
        }
    }
}

/// The keys of the format, in the order lines appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    For,
    Imei,
    Phone,
    Make,
    Model,
    Event,
    When,
    CrimeRef,
    LostRef,
    Police,
    Insurer,
    Policy,
    Claim,
    Name,
    Address,
    Crc32,
}

impl Key {
    pub const ALL: [Key; 16] = [
        Key::For,
        Key::Imei,
        Key::Phone,
        Key::Make,
        Key::Model,
        Key::Event,
        Key::When,
        Key::CrimeRef,
        Key::LostRef,
        Key::Police,
        Key::Insurer,
        Key::Policy,
        Key::Claim,
        Key::Name,
        Key::Address,
        Key::Crc32,
    ];

    /// As written in a code.
    pub fn as_str(self) -> &'static str {
        match self {
            Key::For => "FOR",
            Key::Imei => "IMEI",
            Key::Phone => "PHONE",
            Key::Make => "MAKE",
            Key::Model => "MODEL",
            Key::Event => "EVENT",
            Key::When => "WHEN",
            Key::CrimeRef => "CRIME-REF",
            Key::LostRef => "LOST-REF",
            Key::Police => "POLICE",
            Key::Insurer => "INSURER",
            Key::Policy => "POLICY",
            Key::Claim => "CLAIM",
            Key::Name => "NAME",
            Key::Address => "ADDRESS",
            Key::Crc32 => "CRC32",
        }
    }

    fn from_name(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|key| key.as_str() == name)
    }

    /// Position in the fixed order; the two reference keys share one.
    fn slot(self) -> u8 {
        match self {
            Key::For => 0,
            Key::Imei => 1,
            Key::Phone => 2,
            Key::Make => 3,
            Key::Model => 4,
            Key::Event => 5,
            Key::When => 6,
            Key::CrimeRef | Key::LostRef => 7,
            Key::Police => 8,
            Key::Insurer => 9,
            Key::Policy => 10,
            Key::Claim => 11,
            Key::Name => 12,
            Key::Address => 13,
            Key::Crc32 => 14,
        }
    }

    fn insurer_only(self) -> bool {
        matches!(
            self,
            Key::Insurer | Key::Policy | Key::Claim | Key::Name | Key::Address
        )
    }
}

const REQUIRED: [Key; 3] = [Key::For, Key::Event, Key::When];

/// An IMEI read from a code. Staff must see a wrong check digit, so it is
/// shown, not refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImeiLine {
    Valid(Imei),
    /// Fifteen digits whose last does not match the other fourteen.
    WrongCheckDigit {
        digits: String,
        expected: u8,
    },
}

impl ImeiLine {
    pub fn digits(&self) -> String {
        match self {
            ImeiLine::Valid(imei) => imei.to_string(),
            ImeiLine::WrongCheckDigit { digits, .. } => digits.clone(),
        }
    }

    pub fn check_digit_ok(&self) -> bool {
        matches!(self, ImeiLine::Valid(_))
    }
}

/// A code that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub recipient: Recipient,
    pub report: Report<ImeiLine>,
}

/// Where a code is wrong: `line` counts from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub line: usize,
    pub reason: Reason,
}

/// Why a code was refused, for the UI to put into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Nothing to read.
    Empty,
    /// Longer than any report code can be.
    TooLong,
    /// The first line is not `PHONE-THEFT-REPORT/…`: some other QR code.
    NotAReportCode,
    /// A report code from a newer version of the format.
    UnsupportedVersion(u32),
    /// A control, bidi-control or separator character written raw.
    ForbiddenCharacter(char),
    /// Not `KEY: value`.
    NotKeyValue,
    UnknownKey,
    /// The key belongs earlier in the code.
    OutOfOrder(Key),
    Repeated(Key),
    TooManyImeis,
    /// A required key is missing before this line.
    MissingKey(Key),
    /// An insurer's field in a code for the network provider.
    NotForRecipient(Key),
    /// `CRIME-REF` for a lost phone, or `LOST-REF` for a crime.
    WrongReferenceKind(Key),
    /// A backslash not followed by `n` or another backslash.
    BadEscape,
    BadValue(Key, ValueError),
    /// The last line is not the checksum: the code is probably cut short.
    MissingChecksum,
    /// The checksum does not match: the code was changed or misread.
    ChecksumMismatch,
    /// Something follows the checksum line.
    TextAfterChecksum,
}

/// Why a value is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    Text(TextError),
    Phone(PhoneError),
    /// Not fifteen digits (a wrong check digit is not an error).
    Imei(ImeiError),
    Date(DateError),
    UnknownRecipient,
    UnknownEvent,
    /// Valid, but not written the way the format writes it.
    NotNormalised,
    /// Not eight hexadecimal digits in capitals.
    NotAChecksum,
}

/// The report with only what `recipient` needs.
pub fn minimised<I: Clone>(report: &Report<I>, recipient: Recipient) -> Report<I> {
    match recipient {
        Recipient::Insurer => report.clone(),
        Recipient::NetworkProvider => Report {
            insurance: Insurance::default(),
            victim: Victim::default(),
            ..report.clone()
        },
    }
}

/// The code text for `recipient`, ending with its checksum line (no final
/// line break).
pub fn encode(report: &Report, recipient: Recipient) -> String {
    let report = minimised(report, recipient);
    let mut out = String::with_capacity(512);
    out.push_str(HEADER);
    out.push('\n');
    push_field(&mut out, Key::For, Some(recipient.value()));
    for imei in report.imeis.iter() {
        push_field(&mut out, Key::Imei, Some(&imei.to_string()));
    }
    push_field(
        &mut out,
        Key::Phone,
        report.phone.as_ref().map(|p| p.as_str()),
    );
    push_field(
        &mut out,
        Key::Make,
        report.make.as_ref().map(|t| t.as_str()),
    );
    push_field(
        &mut out,
        Key::Model,
        report.model.as_ref().map(|t| t.as_str()),
    );
    push_field(
        &mut out,
        Key::Event,
        Some(event_value(report.what_happened)),
    );
    push_field(&mut out, Key::When, Some(&report.when.to_string()));
    push_field(
        &mut out,
        reference_key(report.what_happened),
        report.reference.as_ref().map(|r| r.as_str()),
    );
    push_field(
        &mut out,
        Key::Police,
        report.police_force.as_ref().map(|t| t.as_str()),
    );
    let insurance = &report.insurance;
    push_field(
        &mut out,
        Key::Insurer,
        insurance.insurer.as_ref().map(|t| t.as_str()),
    );
    push_field(
        &mut out,
        Key::Policy,
        insurance.policy_number.as_ref().map(|c| c.as_str()),
    );
    push_field(
        &mut out,
        Key::Claim,
        insurance.claim_reference.as_ref().map(|c| c.as_str()),
    );
    push_field(
        &mut out,
        Key::Name,
        report.victim.name.as_ref().map(|t| t.as_str()),
    );
    push_field(
        &mut out,
        Key::Address,
        report.victim.address.as_ref().map(|t| t.as_str()),
    );
    let checksum = crc32(out.as_bytes());
    out.push_str(CHECKSUM_PREFIX);
    out.push_str(&format!("{checksum:08X}"));
    out
}

fn push_field(out: &mut String, key: Key, value: Option<&str>) {
    if let Some(value) = value {
        out.push_str(key.as_str());
        out.push_str(": ");
        out.push_str(&escape(value));
        out.push('\n');
    }
}

/// A value as written in a code: `\` becomes `\\` and a line break `\n`.
/// Nothing else needs escaping, because values cannot hold other controls.
pub fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('\n', "\\n")
}

fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('\\') => out.push('\\'),
                Some('n') => out.push('\n'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

fn event_value(what: WhatHappened) -> &'static str {
    match what {
        WhatHappened::Robbery => "robbery",
        WhatHappened::Theft => "theft",
        WhatHappened::Burglary => "burglary",
        WhatHappened::Lost => "lost",
    }
}

fn reference_key(what: WhatHappened) -> Key {
    if what.is_crime() {
        Key::CrimeRef
    } else {
        Key::LostRef
    }
}

/// CRC-32/ISO-HDLC (the zlib and PNG CRC): reflected polynomial 0xEDB88320,
/// initial value and final XOR 0xFFFFFFFF.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Reads a code strictly. CRLF line endings, trailing line breaks and a
/// leading byte-order mark are accepted, as camera apps and pasting add them.
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    let fail = |line: usize, reason: Reason| Err(DecodeError { line, reason });
    if text.len() > MAX_CODE_BYTES {
        return fail(1, Reason::TooLong);
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = text.trim_end_matches(['\r', '\n']);
    if text.is_empty() {
        return fail(1, Reason::Empty);
    }
    let lines: Vec<&str> = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .collect();

    let header = lines.first().copied().unwrap_or_default();
    if header != HEADER {
        return fail(1, header_problem(header));
    }
    let last = lines.len();
    let Some(checksum_text) = lines
        .last()
        .and_then(|line| line.strip_prefix(CHECKSUM_PREFIX))
    else {
        return match lines.iter().position(|l| l.starts_with(CHECKSUM_PREFIX)) {
            Some(index) if index > 0 => fail(index + 2, Reason::TextAfterChecksum),
            _ => fail(last, Reason::MissingChecksum),
        };
    };

    let mut reader = Reader::default();
    for (index, line) in lines.iter().enumerate().take(last - 1).skip(1) {
        let number = index + 1;
        reader.read_line(line).map_err(|reason| DecodeError {
            line: number,
            reason,
        })?;
    }

    let Some(written) = parse_checksum(checksum_text) else {
        return fail(last, Reason::BadValue(Key::Crc32, ValueError::NotAChecksum));
    };
    let mut covered = String::with_capacity(text.len());
    for line in lines.iter().take(last - 1) {
        covered.push_str(line);
        covered.push('\n');
    }
    if crc32(covered.as_bytes()) != written {
        return fail(last, Reason::ChecksumMismatch);
    }
    reader
        .finish()
        .map_err(|reason| DecodeError { line: last, reason })
}

fn header_problem(header: &str) -> Reason {
    match header.strip_prefix(FORMAT_PREFIX) {
        Some(version)
            if !version.is_empty()
                && !version.starts_with('0')
                && version.bytes().all(|b| b.is_ascii_digit()) =>
        {
            version
                .parse()
                .map_or(Reason::NotAReportCode, Reason::UnsupportedVersion)
        }
        _ => Reason::NotAReportCode,
    }
}

fn parse_checksum(text: &str) -> Option<u32> {
    let canonical = text.len() == 8
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b));
    if canonical {
        u32::from_str_radix(text, 16).ok()
    } else {
        None
    }
}

/// The fields read so far, and the last key, to enforce the order.
#[derive(Default)]
struct Reader {
    last: Option<Key>,
    recipient: Option<Recipient>,
    imeis: Vec<ImeiLine>,
    phone: Option<PhoneNumber>,
    make: Option<MakerName>,
    model: Option<Model>,
    what_happened: Option<WhatHappened>,
    when: Option<When>,
    reference: Option<Reference>,
    police_force: Option<PoliceForce>,
    insurer: Option<InsurerName>,
    policy_number: Option<PolicyNumber>,
    claim_reference: Option<ClaimReference>,
    name: Option<PersonName>,
    address: Option<Address>,
}

impl Reader {
    fn read_line(&mut self, line: &str) -> Result<(), Reason> {
        if let Some(c) = line.chars().find(|&c| is_forbidden(c)) {
            return Err(Reason::ForbiddenCharacter(c));
        }
        let (name, raw) = line.split_once(": ").ok_or(Reason::NotKeyValue)?;
        let key = Key::from_name(name).ok_or(Reason::UnknownKey)?;
        // Only the last line may be the checksum.
        if key == Key::Crc32 {
            return Err(Reason::OutOfOrder(key));
        }
        self.check_place(key)?;
        let value = unescape(raw).ok_or(Reason::BadEscape)?;
        let bad = |error: ValueError| Reason::BadValue(key, error);
        match key {
            Key::For => {
                let recipient = Recipient::ALL
                    .into_iter()
                    .find(|r| r.value() == value)
                    .ok_or(bad(ValueError::UnknownRecipient))?;
                self.recipient = Some(recipient);
            }
            Key::Imei => self.imeis.push(read_imei(&value).map_err(bad)?),
            Key::Phone => self.phone = Some(read_phone(&value).map_err(bad)?),
            Key::Make => self.make = Some(read_text(&value).map_err(bad)?),
            Key::Model => self.model = Some(read_text(&value).map_err(bad)?),
            Key::Event => {
                let what = WhatHappened::ALL
                    .into_iter()
                    .find(|&w| event_value(w) == value)
                    .ok_or(bad(ValueError::UnknownEvent))?;
                self.what_happened = Some(what);
            }
            Key::When => {
                let when = When::parse_iso(&value).map_err(|e| bad(ValueError::Date(e)))?;
                self.when = Some(when);
            }
            Key::CrimeRef | Key::LostRef => {
                if self.what_happened.map(reference_key) != Some(key) {
                    return Err(Reason::WrongReferenceKind(key));
                }
                self.reference = Some(read_code(&value).map_err(bad)?);
            }
            Key::Police => self.police_force = Some(read_text(&value).map_err(bad)?),
            Key::Insurer => self.insurer = Some(read_text(&value).map_err(bad)?),
            Key::Policy => self.policy_number = Some(read_code(&value).map_err(bad)?),
            Key::Claim => self.claim_reference = Some(read_code(&value).map_err(bad)?),
            Key::Name => self.name = Some(read_text(&value).map_err(bad)?),
            Key::Address => self.address = Some(read_text(&value).map_err(bad)?),
            Key::Crc32 => return Err(Reason::OutOfOrder(key)),
        }
        self.last = Some(key);
        Ok(())
    }

    /// Keys come in the fixed order, once each (IMEI up to twice), required
    /// keys are not skipped, and insurer fields only go to the insurer.
    fn check_place(&self, key: Key) -> Result<(), Reason> {
        let last_slot = self.last.map(Key::slot);
        if let Some(last_slot) = last_slot {
            if key.slot() < last_slot {
                return Err(Reason::OutOfOrder(key));
            }
            if key.slot() == last_slot && key != Key::Imei {
                return Err(Reason::Repeated(key));
            }
        }
        if key == Key::Imei && self.imeis.len() >= 2 {
            return Err(Reason::TooManyImeis);
        }
        // Slots only grow, so a required key is missing exactly when the
        // reader has not reached its slot yet and this key lies beyond it.
        if let Some(missing) = REQUIRED
            .into_iter()
            .find(|r| r.slot() < key.slot() && last_slot.is_none_or(|s| s < r.slot()))
        {
            return Err(Reason::MissingKey(missing));
        }
        if key.insurer_only() && self.recipient == Some(Recipient::NetworkProvider) {
            return Err(Reason::NotForRecipient(key));
        }
        Ok(())
    }

    fn finish(self) -> Result<Decoded, Reason> {
        let (Some(recipient), Some(what_happened), Some(when)) =
            (self.recipient, self.what_happened, self.when)
        else {
            let missing = REQUIRED
                .into_iter()
                .find(|&key| self.last.is_none_or(|last| last.slot() < key.slot()))
                .unwrap_or(Key::For);
            return Err(Reason::MissingKey(missing));
        };
        let mut imeis = self.imeis.into_iter();
        let imeis = match (imeis.next(), imeis.next()) {
            (Some(a), Some(b)) => Imeis::Two(a, b),
            (Some(a), None) => Imeis::One(a),
            _ => Imeis::NotFound,
        };
        let report = Report {
            imeis,
            phone: self.phone,
            make: self.make,
            model: self.model,
            what_happened,
            when,
            reference: self.reference,
            police_force: self.police_force,
            insurance: Insurance {
                insurer: self.insurer,
                policy_number: self.policy_number,
                claim_reference: self.claim_reference,
            },
            victim: Victim {
                name: self.name,
                address: self.address,
            },
        };
        Ok(Decoded { recipient, report })
    }
}

fn read_imei(value: &str) -> Result<ImeiLine, ValueError> {
    let written_plainly = value.len() == 15 && value.bytes().all(|b| b.is_ascii_digit());
    match imei::parse(value) {
        Ok(imei) if written_plainly => Ok(ImeiLine::Valid(imei)),
        Err(ImeiError::WrongCheckDigit { expected }) if written_plainly => {
            Ok(ImeiLine::WrongCheckDigit {
                digits: value.to_owned(),
                expected,
            })
        }
        Ok(_) | Err(ImeiError::WrongCheckDigit { .. }) => Err(ValueError::NotNormalised),
        Err(error) => Err(ValueError::Imei(error)),
    }
}

/// A value is accepted only exactly as the encoder writes it, so that a code
/// has one spelling and its checksum means what it says.
fn as_written<T>(value: &str, parsed: T, written: impl Fn(&T) -> &str) -> Result<T, ValueError> {
    if written(&parsed) == value {
        Ok(parsed)
    } else {
        Err(ValueError::NotNormalised)
    }
}

fn read_phone(value: &str) -> Result<PhoneNumber, ValueError> {
    let phone = PhoneNumber::parse(value).map_err(ValueError::Phone)?;
    as_written(value, phone, PhoneNumber::as_str)
}

fn read_text<const MAX: usize>(value: &str) -> Result<Text<MAX>, ValueError> {
    let text = Text::new(value).map_err(ValueError::Text)?;
    as_written(value, text, Text::as_str)
}

fn read_code<const MAX: usize>(value: &str) -> Result<Code<MAX>, ValueError> {
    let code = Code::new(value).map_err(ValueError::Text)?;
    as_written(value, code, Code::as_str)
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::values::date::{Date, LocalTime, TimeOfDay, UtcOffset};

    fn imei(digits: &str) -> Imei {
        imei::parse(digits).unwrap()
    }

    pub(crate) fn when(date: (u16, u8, u8), time: Option<(u8, u8, i16)>) -> When {
        When {
            date: Date::new(date.0, date.1, date.2).unwrap(),
            time: time.map(|(hour, minute, offset)| LocalTime {
                time: TimeOfDay::new(hour, minute).unwrap(),
                offset: UtcOffset::from_minutes(offset).unwrap(),
            }),
        }
    }

    /// What decoding the code for `recipient` must give.
    pub(crate) fn decoded(report: &Report, recipient: Recipient) -> Decoded {
        Decoded {
            recipient,
            report: as_read_back(&minimised(report, recipient)),
        }
    }

    pub(crate) fn as_read_back(report: &Report) -> Report<ImeiLine> {
        let imeis = match &report.imeis {
            Imeis::NotFound => Imeis::NotFound,
            Imeis::One(a) => Imeis::One(ImeiLine::Valid(*a)),
            Imeis::Two(a, b) => Imeis::Two(ImeiLine::Valid(*a), ImeiLine::Valid(*b)),
        };
        Report {
            imeis,
            phone: report.phone.clone(),
            make: report.make.clone(),
            model: report.model.clone(),
            what_happened: report.what_happened,
            when: report.when,
            reference: report.reference.clone(),
            police_force: report.police_force.clone(),
            insurance: report.insurance.clone(),
            victim: report.victim.clone(),
        }
    }

    /// A robbery with everything filled in, two IMEIs and an address on two lines.
    pub(crate) fn robbery() -> Report {
        Report {
            imeis: Imeis::Two(imei("352099001761481"), imei("490154203237518")),
            phone: Some(PhoneNumber::parse("07700 900123").unwrap()),
            make: Some(MakerName::new("Apple").unwrap()),
            model: Some(Model::new("iPhone 15 Pro").unwrap()),
            what_happened: WhatHappened::Robbery,
            when: when((2026, 11, 24), Some((21, 30, 0))),
            reference: Some(Reference::new("01/123456/26").unwrap()),
            police_force: Some(PoliceForce::new("Metropolitan Police Service").unwrap()),
            insurance: Insurance {
                insurer: Some(InsurerName::new("Acme Insurance").unwrap()),
                policy_number: Some(PolicyNumber::new("POL-778899").unwrap()),
                claim_reference: Some(ClaimReference::new("CLM 2026/0042").unwrap()),
            },
            victim: Victim {
                name: Some(PersonName::new("Zoë O'Brien").unwrap()),
                address: Some(Address::new("Flat 2, 10 High St\nLondon E1 6AN").unwrap()),
            },
        }
    }

    /// A lost phone: date only, no IMEI found, no reference yet.
    pub(crate) fn lost() -> Report {
        Report {
            imeis: Imeis::NotFound,
            phone: Some(PhoneNumber::parse("+33 6 12 34 56 78").unwrap()),
            make: Some(MakerName::new("Samsung").unwrap()),
            model: None,
            what_happened: WhatHappened::Lost,
            when: when((2026, 3, 1), None),
            reference: None,
            police_force: None,
            insurance: Insurance::default(),
            victim: Victim::default(),
        }
    }

    /// Every field at its limit, free text in 4-byte characters: the
    /// largest code the format allows.
    pub(crate) fn largest() -> Report {
        fn fill(bytes: usize) -> String {
            "😀".repeat(bytes / 4) + &"é".repeat(bytes % 4 / 2) + &"x".repeat(bytes % 2)
        }
        Report {
            imeis: Imeis::Two(imei("352099001761481"), imei("490154203237518")),
            phone: Some(PhoneNumber::parse("1-2-3-4-5-6-7-8-9-01").unwrap()),
            make: Some(MakerName::new(&fill(MakerName::MAX)).unwrap()),
            model: Some(Model::new(&fill(Model::MAX)).unwrap()),
            what_happened: WhatHappened::Burglary,
            when: when((2026, 11, 24), Some((21, 30, -330))),
            reference: Some(Reference::new(&"ab/".repeat(10)).unwrap()),
            police_force: Some(PoliceForce::new(&fill(PoliceForce::MAX)).unwrap()),
            insurance: Insurance {
                insurer: Some(InsurerName::new(&fill(InsurerName::MAX)).unwrap()),
                policy_number: Some(PolicyNumber::new(&"cd-".repeat(10)).unwrap()),
                claim_reference: Some(ClaimReference::new(&"ef.".repeat(10)).unwrap()),
            },
            victim: Victim {
                name: Some(PersonName::new(&fill(PersonName::MAX)).unwrap()),
                address: Some(Address::new(&fill(Address::MAX)).unwrap()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    /// The test vectors of HANDOVER.md, byte for byte.
    const ROBBERY_FOR_NETWORK: &str = "PHONE-THEFT-REPORT/1
FOR: network provider
IMEI: 352099001761481
IMEI: 490154203237518
PHONE: +447700900123
MAKE: Apple
MODEL: iPhone 15 Pro
EVENT: robbery
WHEN: 2026-11-24T21:30+00:00
CRIME-REF: 01/123456/26
POLICE: Metropolitan Police Service
CRC32: 47099B1D";

    const ROBBERY_FOR_INSURER: &str = "PHONE-THEFT-REPORT/1
FOR: insurer
IMEI: 352099001761481
IMEI: 490154203237518
PHONE: +447700900123
MAKE: Apple
MODEL: iPhone 15 Pro
EVENT: robbery
WHEN: 2026-11-24T21:30+00:00
CRIME-REF: 01/123456/26
POLICE: Metropolitan Police Service
INSURER: Acme Insurance
POLICY: POL-778899
CLAIM: CLM 2026/0042
NAME: Zoë O'Brien
ADDRESS: Flat 2, 10 High St\\nLondon E1 6AN
CRC32: C90981EC";

    const LOST_FOR_NETWORK: &str = "PHONE-THEFT-REPORT/1
FOR: network provider
PHONE: +33612345678
MAKE: Samsung
EVENT: lost
WHEN: 2026-03-01
CRC32: A89FDAAF";

    const SPEC: &str = include_str!("../../../HANDOVER.md");

    /// A code body with its checksum line appended, for codes that are
    /// wrong in some other way than the checksum.
    fn signed(body: &str) -> String {
        let body = format!("{body}\n");
        format!("{body}CRC32: {:08X}", crc32(body.as_bytes()))
    }

    fn error(line: usize, reason: Reason) -> Result<Decoded, DecodeError> {
        Err(DecodeError { line, reason })
    }

    #[test]
    fn crc_is_crc_32_iso_hdlc() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn the_test_vectors_are_what_the_encoder_writes_and_the_spec_shows() {
        let vectors = [
            (robbery(), Recipient::NetworkProvider, ROBBERY_FOR_NETWORK),
            (robbery(), Recipient::Insurer, ROBBERY_FOR_INSURER),
            (lost(), Recipient::NetworkProvider, LOST_FOR_NETWORK),
        ];
        for (report, recipient, vector) in vectors {
            assert_eq!(encode(&report, recipient), vector);
            assert_eq!(decode(vector), Ok(decoded(&report, recipient)));
            assert!(SPEC.contains(vector), "HANDOVER.md lacks:\n{vector}");
        }
    }

    #[test]
    fn the_vectors_fit_the_qr_versions_the_spec_states() {
        use crate::report::qr::{EcLevel, render};
        for (vector, version) in [(ROBBERY_FOR_NETWORK, 11), (ROBBERY_FOR_INSURER, 15)] {
            let matrix = render(vector).unwrap();
            assert_eq!((matrix.version(), matrix.ec_level()), (version, EcLevel::M));
        }
    }

    #[test]
    fn every_key_appears_in_the_vectors_and_the_spec() {
        let all = format!("{ROBBERY_FOR_INSURER}\n{LOST_FOR_NETWORK}");
        for key in Key::ALL.into_iter().filter(|&k| k != Key::LostRef) {
            assert!(all.contains(&format!("\n{}: ", key.as_str())), "{key:?}");
        }
        let lost_with_reference = Report {
            reference: Some(Reference::new("LP-1234").unwrap()),
            ..lost()
        };
        let code = encode(&lost_with_reference, Recipient::NetworkProvider);
        assert!(code.contains("\nLOST-REF: LP-1234\n"));
        for key in Key::ALL {
            assert!(SPEC.contains(&format!("`{}`", key.as_str())), "{key:?}");
        }
    }

    #[test]
    fn the_network_provider_gets_no_insurance_name_or_address() {
        let code = encode(&robbery(), Recipient::NetworkProvider);
        for key in ["INSURER", "POLICY", "CLAIM", "NAME", "ADDRESS"] {
            assert!(!code.contains(key), "{key}");
        }
    }

    #[test]
    fn camera_and_paste_line_endings_are_accepted() {
        let crlf = ROBBERY_FOR_INSURER.replace('\n', "\r\n") + "\r\n";
        assert_eq!(decode(&crlf), decode(ROBBERY_FOR_INSURER));
        let padded = format!("\u{FEFF}{LOST_FOR_NETWORK}\n\n");
        assert_eq!(decode(&padded), decode(LOST_FOR_NETWORK));
    }

    #[test]
    fn no_value_can_forge_a_line() {
        let report = Report {
            victim: Victim {
                name: Some(PersonName::new("Bob\\nIMEI: 1\r\nCLAIM: x").unwrap()),
                address: Some(Address::new("<script>alert(1)</script>\u{2028}\\").unwrap()),
            },
            ..robbery()
        };
        let code = encode(&report, Recipient::Insurer);
        assert!(code.contains("\nNAME: Bob\\\\nIMEI: 1\\nCLAIM: x\n"));
        assert!(code.contains("\nADDRESS: <script>alert(1)</script>\\n\\\\\n"));
        assert_eq!(code.lines().count(), ROBBERY_FOR_INSURER.lines().count());
        assert_eq!(decode(&code), Ok(decoded(&report, Recipient::Insurer)));
    }

    #[test]
    fn a_wrong_imei_check_digit_is_shown_not_refused() {
        let code = signed(
            "PHONE-THEFT-REPORT/1\nFOR: network provider\nIMEI: 352099001761482\nEVENT: theft\nWHEN: 2026-11-24",
        );
        let decoded = decode(&code).unwrap();
        let Imeis::One(line) = decoded.report.imeis else {
            panic!("one IMEI expected")
        };
        assert!(!line.check_digit_ok());
        assert_eq!(line.digits(), "352099001761482");
        assert_eq!(
            line,
            ImeiLine::WrongCheckDigit {
                digits: "352099001761482".into(),
                expected: 1
            }
        );
    }

    #[test]
    fn every_decode_error_names_its_line() {
        use Reason::*;
        let head = "PHONE-THEFT-REPORT/1\nFOR: network provider";
        let tail = "EVENT: theft\nWHEN: 2026-11-24";
        let with = |middle: &str| signed(&format!("{head}\n{middle}\n{tail}"));
        let bad = |key, error| BadValue(key, error);
        let cases: Vec<(String, usize, Reason)> = vec![
            ("".into(), 1, Empty),
            ("\r\n".into(), 1, Empty),
            ("x".repeat(MAX_CODE_BYTES + 1), 1, TooLong),
            (
                "https://example.org/\nCRC32: 00000000".into(),
                1,
                NotAReportCode,
            ),
            (
                "PHONE-THEFT-REPORT/2\nFOR: insurer".into(),
                1,
                UnsupportedVersion(2),
            ),
            ("PHONE-THEFT-REPORT/01".into(), 1, NotAReportCode),
            (head.into(), 2, MissingChecksum),
            (
                format!("{head}\nCRC32: 00000000\nEVENT: theft"),
                4,
                TextAfterChecksum,
            ),
            (
                format!("{head}\n{tail}\nCRC32: 00000000"),
                5,
                ChecksumMismatch,
            ),
            (
                format!("{head}\n{tail}\nCRC32: 1234abcd"),
                5,
                bad(Key::Crc32, ValueError::NotAChecksum),
            ),
            (
                with("MAKE: Apple\u{202E}"),
                3,
                ForbiddenCharacter('\u{202E}'),
            ),
            (with("MAKE: A\rB"), 3, ForbiddenCharacter('\r')),
            (with("MAKE Apple"), 3, NotKeyValue),
            (with("COLOUR: red"), 3, UnknownKey),
            (with("make: Apple"), 3, UnknownKey),
            (with("MAKE: Apple\\t"), 3, BadEscape),
            (with("MAKE: Apple\\"), 3, BadEscape),
            (with("MAKE: Apple\nPHONE: 123"), 4, OutOfOrder(Key::Phone)),
            (with("MAKE: Apple\nMAKE: Apple"), 4, Repeated(Key::Make)),
            (
                with("IMEI: 352099001761481\nIMEI: 352099001761481\nIMEI: 352099001761481"),
                5,
                TooManyImeis,
            ),
            (with("CRC32: 00000000"), 3, OutOfOrder(Key::Crc32)),
            (
                with("IMEI: 35209900176148"),
                3,
                bad(
                    Key::Imei,
                    ValueError::Imei(ImeiError::TooShort { digits: 14 }),
                ),
            ),
            (
                with("IMEI: 35 2099 0017 6148 1"),
                3,
                bad(Key::Imei, ValueError::NotNormalised),
            ),
            (
                with("PHONE: 07700 900123"),
                3,
                bad(Key::Phone, ValueError::NotNormalised),
            ),
            (
                with("PHONE: call me"),
                3,
                bad(Key::Phone, ValueError::Phone(PhoneError::Unsupported('c'))),
            ),
            (
                with("MAKE: "),
                3,
                bad(Key::Make, ValueError::Text(TextError::Empty)),
            ),
            (
                with("MAKE:  Apple"),
                3,
                bad(Key::Make, ValueError::NotNormalised),
            ),
            (
                with(&format!("MAKE: {}", "x".repeat(21))),
                3,
                bad(
                    Key::Make,
                    ValueError::Text(TextError::TooLong {
                        max: 20,
                        length: 21,
                    }),
                ),
            ),
            (
                signed(&format!("{head}\nEVENT: mugging\nWHEN: 2026-11-24")),
                3,
                bad(Key::Event, ValueError::UnknownEvent),
            ),
            (
                signed(&format!("{head}\nEVENT: theft\nWHEN: 2026-02-30")),
                4,
                bad(Key::When, ValueError::Date(DateError::NoSuchDate)),
            ),
            (
                signed(&format!("{head}\nEVENT: theft\nWHEN: 24/11/2026")),
                4,
                bad(Key::When, ValueError::Date(DateError::NotIso8601)),
            ),
            (
                signed(&format!("{head}\n{tail}\nCRIME-REF: 12\\n3")),
                5,
                bad(
                    Key::CrimeRef,
                    ValueError::Text(TextError::Unsupported('\n')),
                ),
            ),
            (
                signed(&format!("{head}\n{tail}\nLOST-REF: 123")),
                5,
                WrongReferenceKind(Key::LostRef),
            ),
            (
                signed(&format!("{head}\n{tail}\nPOLICY: 123")),
                5,
                NotForRecipient(Key::Policy),
            ),
            (
                signed("PHONE-THEFT-REPORT/1\nFOR: someone\nEVENT: theft"),
                2,
                bad(Key::For, ValueError::UnknownRecipient),
            ),
            (
                signed("PHONE-THEFT-REPORT/1\nIMEI: 352099001761481"),
                2,
                MissingKey(Key::For),
            ),
            (
                signed(&format!("{head}\nWHEN: 2026-11-24")),
                3,
                MissingKey(Key::Event),
            ),
            (
                signed(&format!("{head}\nEVENT: theft")),
                4,
                MissingKey(Key::When),
            ),
        ];
        for (code, line, reason) in cases {
            assert_eq!(decode(&code), error(line, reason), "{code:?}");
        }
    }

    #[test]
    fn the_largest_report_fits_version_20_at_level_m() {
        let code = encode(&largest(), Recipient::Insurer);
        assert_eq!(code.len(), 646);
        let matrix = crate::report::qr::render(&code).unwrap();
        assert!(matrix.version() <= 20, "version {}", matrix.version());
        let network = encode(&largest(), Recipient::NetworkProvider);
        assert_eq!(network.len(), 341);
        assert!(crate::report::qr::render(&network).unwrap().version() <= 14);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_largest_report_survives_an_independent_qr_decoder() {
        for recipient in Recipient::ALL {
            let report = largest();
            let matrix = crate::report::qr::render(&encode(&report, recipient)).unwrap();
            let scanned = crate::report::qr::scan::scan(&matrix).unwrap();
            assert_eq!(decode(&scanned), Ok(decoded(&report, recipient)));
        }
    }
}

// proptest and rqrr are native-only dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::fixtures::decoded;
    use super::*;
    use crate::report::encoded_length;
    use crate::values::date::{Date, LocalTime, TimeOfDay, UtcOffset};
    use proptest::prelude::*;

    const TEXT_POOL: &[char] = &[
        'a', 'Z', '0', ' ', ' ', '\n', '\t', '\\', 'é', 'ß', 'ł', 'ü', 'ا', 'ש', '中', '😀', '<',
        '>', '&', '\'', '"', ':', '/', '-', '\u{200D}', '\u{FEFF}', '\u{2028}',
    ];
    const CODE_POOL: &[char] = &['A', 'z', '0', '9', ' ', '/', '-', '.', ':', '#', '<', '"'];
    const PHONE_POOL: &[char] = &[
        '0', '0', '1', '4', '7', '9', ' ', '+', '-', '(', ')', '.', '/',
    ];

    fn string(pool: &'static [char], max_chars: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(pool), 1..=max_chars)
            .prop_map(|chars| chars.into_iter().collect())
    }

    fn text<const MAX: usize>() -> impl Strategy<Value = Option<Text<MAX>>> {
        prop::option::of(string(TEXT_POOL, MAX).prop_filter_map("blank", |mut s| {
            while encoded_length(&s) > MAX {
                s.pop();
            }
            Text::new(&s).ok()
        }))
    }

    fn code<const MAX: usize>() -> impl Strategy<Value = Option<Code<MAX>>> {
        prop::option::of(string(CODE_POOL, MAX).prop_filter_map("blank", |s| Code::new(&s).ok()))
    }

    fn phone() -> impl Strategy<Value = Option<PhoneNumber>> {
        prop::option::of(
            string(PHONE_POOL, 20).prop_filter_map("no digits", |s| PhoneNumber::parse(&s).ok()),
        )
    }

    fn imei() -> impl Strategy<Value = Imei> {
        prop::array::uniform14(0u8..10).prop_map(|body| {
            let check = imei::luhn_check_digit(&body);
            let digits: String = body
                .iter()
                .chain([&check])
                .map(|&d| char::from(b'0' + d))
                .collect();
            imei::parse(&digits).expect("a computed check digit is right")
        })
    }

    fn imeis() -> impl Strategy<Value = Imeis> {
        prop_oneof![
            Just(Imeis::NotFound),
            imei().prop_map(Imeis::One),
            (imei(), imei()).prop_map(|(a, b)| Imeis::Two(a, b)),
        ]
    }

    fn when() -> impl Strategy<Value = When> {
        let time = prop::option::of((0u8..24, 0u8..60, -720i16..=840));
        (0u16..=9999, 1u8..=12, 1u8..=31, time).prop_filter_map(
            "no such date",
            |(year, month, day, time)| {
                let date = Date::new(year, month, day).ok()?;
                let time = match time {
                    Some((hour, minute, offset)) => Some(LocalTime {
                        time: TimeOfDay::new(hour, minute).ok()?,
                        offset: UtcOffset::from_minutes(offset).ok()?,
                    }),
                    None => None,
                };
                Some(When { date, time })
            },
        )
    }

    fn report() -> impl Strategy<Value = Report> {
        let phone_part = (
            imeis(),
            phone(),
            text(),
            text(),
            prop::sample::select(&WhatHappened::ALL[..]),
            when(),
        );
        let police_part = (code(), text(), text(), code(), code(), text(), text());
        (phone_part, police_part).prop_map(
            |(
                (imeis, phone, make, model, what_happened, when),
                (reference, police_force, insurer, policy_number, claim_reference, name, address),
            )| Report {
                imeis,
                phone,
                make,
                model,
                what_happened,
                when,
                reference,
                police_force,
                insurance: Insurance {
                    insurer,
                    policy_number,
                    claim_reference,
                },
                victim: Victim { name, address },
            },
        )
    }

    fn recipient() -> impl Strategy<Value = Recipient> {
        prop::sample::select(&Recipient::ALL[..])
    }

    /// Lines with real keys and arbitrary values, correctly signed, so the
    /// decoder's value parsing is reached and not just its checksum.
    fn signed_lines() -> impl Strategy<Value = String> {
        let line = (prop::sample::select(&Key::ALL[..]), any::<String>());
        prop::collection::vec(line, 0..8).prop_map(|lines| {
            let mut body = format!("{HEADER}\n");
            for (key, value) in lines {
                body.push_str(&format!("{}: {value}\n", key.as_str()));
            }
            format!("{body}CRC32: {:08X}", crc32(body.as_bytes()))
        })
    }

    proptest! {
        #[test]
        fn every_report_round_trips_for_both_recipients(report in report(), recipient in recipient()) {
            let code = encode(&report, recipient);
            prop_assert!(code.len() <= 646);
            prop_assert_eq!(decode(&code), Ok(decoded(&report, recipient)));
        }

        #[test]
        fn any_text_gives_a_result_and_never_panics(text in any::<String>()) {
            let _ = decode(&text);
        }

        #[test]
        fn signed_lines_give_a_result_and_never_panic(code in signed_lines()) {
            let _ = decode(&code);
        }

        #[test]
        fn any_single_character_change_is_rejected(
            report in report(),
            recipient in recipient(),
            at in any::<prop::sample::Index>(),
            replacement in any::<char>(),
        ) {
            let mut chars: Vec<char> = encode(&report, recipient).chars().collect();
            let index = at.index(chars.len());
            prop_assume!(chars[index] != replacement);
            chars[index] = replacement;
            let changed: String = chars.into_iter().collect();
            prop_assert!(decode(&changed).is_err(), "accepted: {:?}", changed);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn every_report_survives_an_independent_qr_decoder(report in report(), recipient in recipient()) {
            let matrix = crate::report::qr::render(&encode(&report, recipient)).unwrap();
            let scanned = crate::report::qr::scan::scan(&matrix);
            prop_assert!(scanned.is_some(), "unreadable at version {}", matrix.version());
            prop_assert_eq!(decode(&scanned.unwrap_or_default()), Ok(decoded(&report, recipient)));
        }
    }
}
