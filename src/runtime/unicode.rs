//! Python's character classes for `str` (`isalpha`, `isdecimal`, `isdigit`, `isnumeric`,
//! `isprintable`, `isspace`, identifiers, titlecase letters), the decimal value of a digit and
//! case folding (`casefold`).
//!
//! Character classes must agree with CPython 3.11, which uses Unicode 14.0, while Rust's
//! standard library follows a newer Unicode and has no notion of Python's categories (`isalpha`
//! is L*, not Rust's `Alphabetic`). So the classes are tables generated from CPython 3.11 at
//! the end of this file (see the banner there for the generator), each a sorted list of range
//! boundaries searched by bisection; ASCII characters take a direct test first.

use std::sync::OnceLock;

/// Python's whitespace (`Py_UNICODE_ISSPACE`): bidirectional classes WS, B, S and Zs.
pub fn is_space(c: char) -> bool {
    matches!(c as u32, 0x09..=0x0d | 0x1c..=0x20 | 0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000)
}

/// Line boundaries of `splitlines` (`\r\n` counts as one).
pub fn is_linebreak(c: char) -> bool {
    matches!(c as u32, 0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029)
}

/// Titlecase (`Lt`) letters: cased, but neither upper- nor lowercase.
pub fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf | 0x1fbc | 0x1fcc | 0x1ffc)
}

pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// `str.isidentifier`: an XID_Start character (or `_`), then XID_Continue characters.
pub fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if is_xid_start(c) => cs.all(is_xid_continue),
        _ => false,
    }
}

/// A set of code points stored as the boundaries of its ranges: `[start0, end0, start1, ...]`
/// with exclusive ends, decoded on first use. The text holds the difference of each boundary
/// from the previous one as a base-26 number: lowercase letters are leading digits (`a` = 0),
/// an uppercase letter is the last digit, so `C` is 2 and `bA` is 26.
struct Table {
    data: &'static str,
    bounds: OnceLock<Vec<u32>>,
}

impl Table {
    const fn new(data: &'static str) -> Table {
        Table { data, bounds: OnceLock::new() }
    }

    fn bounds(&self) -> &[u32] {
        self.bounds.get_or_init(|| {
            let (mut bounds, mut boundary, mut digits) = (Vec::new(), 0u32, 0u32);
            for b in self.data.bytes() {
                match b {
                    b'a'..=b'z' => digits = digits * 26 + u32::from(b - b'a'),
                    b'A'..=b'Z' => {
                        boundary += digits * 26 + u32::from(b - b'A');
                        bounds.push(boundary);
                        digits = 0;
                    }
                    _ => {}
                }
            }
            bounds
        })
    }

    fn contains(&self, c: char) -> bool {
        self.bounds().partition_point(|&b| b <= c as u32) % 2 == 1
    }

    /// The first code point of the range holding `c`.
    fn range_start(&self, c: char) -> Option<u32> {
        let b = self.bounds();
        let n = b.partition_point(|&x| x <= c as u32);
        if n % 2 == 1 {
            b.get(n - 1).copied()
        } else {
            None
        }
    }
}

static ALPHA_TABLE: Table = Table::new(ALPHA);
static DECIMAL_TABLE: Table = Table::new(DECIMAL);
static DIGIT_TABLE: Table = Table::new(DIGIT);
static NUMERIC_TABLE: Table = Table::new(NUMERIC);
static PRINTABLE_TABLE: Table = Table::new(PRINTABLE);
static ID_START_NOT_ALPHA_TABLE: Table = Table::new(ID_START_NOT_ALPHA);
static ALPHA_NOT_ID_START_TABLE: Table = Table::new(ALPHA_NOT_ID_START);
static ID_CONTINUE_EXTRA_TABLE: Table = Table::new(ID_CONTINUE_EXTRA);
static FOLDS_UNLIKE_LOWER_TABLE: Table = Table::new(FOLDS_UNLIKE_LOWER);

/// Membership of `c` in a class: the ASCII rule for ASCII characters, else the table.
fn in_class(c: char, ascii: fn(&char) -> bool, table: &Table) -> bool {
    if c.is_ascii() {
        ascii(&c)
    } else {
        table.contains(c)
    }
}

pub fn is_alpha(c: char) -> bool {
    in_class(c, char::is_ascii_alphabetic, &ALPHA_TABLE)
}

pub fn is_decimal(c: char) -> bool {
    in_class(c, char::is_ascii_digit, &DECIMAL_TABLE)
}

pub fn is_digit(c: char) -> bool {
    in_class(c, char::is_ascii_digit, &DIGIT_TABLE)
}

pub fn is_numeric(c: char) -> bool {
    in_class(c, char::is_ascii_digit, &NUMERIC_TABLE)
}

/// `str.isalnum` per character: alphabetic or numeric (numeric includes digits and decimals).
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// `str.isprintable` per character (also what `repr` leaves unescaped).
pub fn is_printable(c: char) -> bool {
    in_class(c, |c| (' '..='~').contains(c), &PRINTABLE_TABLE)
}

/// The value of a decimal digit character (any script).
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    // Decimal digits come in runs of ten starting at a zero.
    DECIMAL_TABLE.range_start(c).filter(|_| !c.is_ascii()).map(|start| (c as u32 - start) % 10)
}

fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    (is_alpha(c) && !ALPHA_NOT_ID_START_TABLE.contains(c)) || ID_START_NOT_ALPHA_TABLE.contains(c)
}

fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    is_xid_start(c) || ID_CONTINUE_EXTRA_TABLE.contains(c)
}

/// Appends the full case folding of `c` (`str.casefold`; Unicode's CaseFolding.txt, statuses
/// C and F). Most characters fold to their lowercase; of those that do not (the table), the
/// Cherokee letters fold to their uppercase, capital sharp s to "ss", and the rest to the
/// lowercase of their uppercase (`ß` to "ss", `ς` to `σ`, `ﬁ` to "fi", `ᾈ` to "ἀι").
pub fn push_casefold(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if !FOLDS_UNLIKE_LOWER_TABLE.contains(c) {
        out.extend(c.to_lowercase());
    } else if matches!(c as u32, 0x13a0..=0x13ff | 0xab70..=0xabbf) {
        out.extend(c.to_uppercase());
    } else if c == '\u{1e9e}' {
        out.push_str("ss");
    } else {
        out.extend(c.to_uppercase().flat_map(char::to_lowercase));
    }
}

// Generated from CPython 3.11 by this script (see `Table` for the encoding):
//
//   def table(pred):
//       bounds, inside = [], False
//       for c in range(0x110001):
//           if c <= 0x10FFFF and pred(c) != inside or c == 0x110000 and inside:
//               bounds.append(c); inside = not inside
//       return "".join(base26(b - a) for a, b in zip([0] + bounds, bounds))
//
//   def base26(v):
//       digits = [v % 26]
//       while v >= 26: v //= 26; digits.append(v % 26)
//       return "".join(chr(97 + d) for d in digits[:0:-1]) + chr(65 + digits[0])
//
//   ALPHA: chr(c).isalpha()            DECIMAL: chr(c).isdecimal()
//   DIGIT: chr(c).isdigit()            NUMERIC: chr(c).isnumeric()
//   PRINTABLE: chr(c).isprintable()
//   ID_START_NOT_ALPHA: chr(c).isidentifier() and not chr(c).isalpha()
//   ALPHA_NOT_ID_START: chr(c).isalpha() and not chr(c).isidentifier()
//   ID_CONTINUE_EXTRA: ("a" + chr(c)).isidentifier() and not chr(c).isidentifier()
//   FOLDS_UNLIKE_LOWER: chr(c).casefold() != chr(c).lower()

/// `str.isalpha`: categories Lu, Ll, Lt, Lm, Lo (648 ranges).
const ALPHA: &str = "\
    cNbAGbAbVBKBEBFXBbFBrQEMOFHBBBeZFBCCEBBGBBDBBBUBdFBfJIgKBbMCBGbPcTbBEEbTbRbJCBdVBBPCHCKDCBQBBbEbDdLLBYbHJCEBFWEB\
    JBDBXZHLFYBGRbQcGcCDBSBHKPQEICCCWBHBBDEDBQBNCBDOCKBIGECCWBHBCBCBCbFEBBTDQJBDBWBHBCBFDBSBPCXBLICCCWBHBCBFDBbECBDP\
    BRBBGDDBEDCBBBCDCDDDMWBcAIBDBXBQDBbADCBCCbEBEIBDBXBKBFDBbFCBCPCRJBDBbPCBQBFDIDYGFSDYBJBBCHcGbWBCMHcGCBBBFBYBBBKB\
    CJBCFBBVEbGBcLIBbKbBFeLbRUBQGEEDBDCHDENMBRbMBBFBCbRBmVBECHBBBECbPBECbHBECHBBBECPBcFBECcPbLQQdICGDxWCRBbAFcXGIHSN\
    TOSONBDPcAbJBEBcPdLHFCbIBBFcSKbFbXbECFLbSEbAcCXJcBdEBdPbVRIcCbENCKbSbAbKbPDKbKCJHbRCDbPEBGBCDBFhKcMkSCGCbMCGCIBB\
    BBBBBbFCcBBHBBDDBHDECGENFDBHeMBNBQNdXBEBCKBBDFGBBBBBBEBLCEFFEBcACdzFiVGEDCMbMBBFBCcEHBQXJHBHBHBHBHBHBHBHdCBsBCbQ\
    FFCEdIGDBdMBEFbRBdQRbGbWQtSjtOcMbguFcPbUCkJDQKCUbVQbFCcSbXJCdZCcMFCBBBFYQBDBEBXbDcAObYcKGDBBCLbCKXZbDHbVbCBQFBKK\
    FBbPXDBIUXDBDbYBBDCCFCBBBYDCLHDMGCGCGJHBHBbRBOGeLbDqnSMXEbXmnCoCCeCbMHMFFBBKBNBFBBBCBCBeEbHnZScMCcCbOMeMFBfFbKbA\
    GbALdLDGCGCGCDbJMBbABTBCBPCObIeToZbDDbXbVbGNUBIGbMKbECbKEIbWgCSbKEbKEbOIcAMLBPBHBCBLBPBHBCcPlZJWKIYGBbQBJcRGCBBb\
    SBCDBCXKXJbFcNTBCKWKbAcScEGCcMBPEBDBbDbQbDDbDbJIBbCbBcCKWKTNSeGcVcDbZNbZNbKnKbQGCdAbDKBIWbQSbUVbBXMcBcFCCBNbTbGZ\
    bAbKbDBCBIbJDBMbWOEVBBBbJSBZdGHBBBEBPBKHbVbMICCCWBHBCBFDBSBMFgCcBSEUDbEbWUCBBhCbVbPEbKbWUBcHbRNBcTbBbLHhDbSeMcMb\
    FICBCIBCBYPBBBdQICbNQBBBbCBKbOHBVBLbUTBScVkDJBbLRBbXbEeIHBCBbMVBZGBCBbGOBmPThHBdBbjMiWhOdxKdTPbpFfzTwLmuBvXHbFRd\
    BRbESbWQEbFVFTbaMcMeYcXFBcONcMCBBbCjcAIbvQbQJnfREBHBCBlFbTDREIpGdkUeDFNDJHKiwKdHBcTBCCBCCCEBMBBBHBcNBECIBHBbCBEB\
    FBBDHBnCCZBZBbFBZBbFBZBbFBZBbFBZBIcsYbFsNbTKHQBmJbESbSbwUHBEBCBPBhPcHcQHBbuIEBbBBCBBCBBKBEBBBBGBEBBBBBBDBCBBCBBB\
    BBBBBBBCBBCEBHBEBEBBBKBRFDBFBRgoAclfCbGgdTHiOCinQOlbLepJuWcfYhhZ";
/// `str.isdecimal`: category Nd (62 ranges).
const DECIMAL: &str = "\
    bWKciOKfEKhQKpWKeOKeOKeOKeOKeOKeOKeOKeOKeOKdSKeOKcSKkSKcSKctQKbMKlOKeYKgKKGKhAKdIKfEKGKcaeOKbaCKbMKhQKWKdIKpQKbf\
    mCKccKKdfYKbfGKeYKcIKfOKkSKnEKeOKoKKdYKdYKqGKdYKbdEKjMKcSKbdbIKdIKfEKbpbWbYdnCKqGKckKKhbAK";
/// `str.isdigit`: Numeric_Type Decimal or Digit (81 ranges).
const DIGIT: &str = "\
    bWKeQCFBcdQKfEKhQKpWKeOKeOKeOKeOKeOKeOKeOKeOKeOKdSKeOKcSKkSKcSKbbRJbrQKbMKlOKeYLgJKGKhAKdIKfEKGKboGBDGGKblUJLJLJ\
    dLBKJBByGJBJBJbvyBKbaCKbMKhQKWKdIKpQKbfmCKccKKcdAEbcUKlIJsVJLKeYKcIKfOKkSKnEKeOKoKKdYKdYKqGKdYKbdEKjMKcSKbdbIKdI\
    KfEKbpbWbYdnCKqGKckKKcxILedHK";
/// `str.isnumeric`: any Numeric_Type (206 ranges).
const NUMERIC: &str = "\
    bWKeQCFBCDcdLKfEKhQKpWKeOKEGeEKeOKeOKCGeGNeLKIHdZKeAHHTeFKdSKeOKcSUkIKcSKbbRUbhXDjFKGKWKlOKeYLgJKGKhAKdIKfEKGKbo\
    GBDGGKhQbZCFbbYcIdAWyGbEcbHBbdXBZJODnFEfIKbEIBPbGKbNPmNBeVBbjYBbeWBhcCBCBDBBBdFBbUBHBBBbOCbEBIBbKBdUBpNBcNBbIBBB\
    BBrZBBDGBeMEbeKBuNBHBccEBfBCMDBBbmRBcZBbsNBcsXBbsXBbcPBduTBbjXBdfTBEBeUBdkABbKBFBbRBeVBftHKhGKmIGfYKbMKhQKWKdIKp\
    QKbdiNBHBEBcFBbEBBBbPBbxYKsZbTMcFRCnDbBbKEbDBIBfEFhUKbkGIZHbNJcXFWGgECCQCbUcMJcACbEDcXFeAIYIbPHmSGbWKlIbFgCKbQEe\
    IHfEbEeYKcIKfOKHUjRKnEKeOKoKKdYKdYMqETdPKbdEbDiTKcSKuOVbpBeHbamRKdIKfEKBHbeSXblzLUeEZbqRbYdnCKqGKcfDJeYKbeLcHBDB\
    EcYbTBPblANedFKbnRBdUBeVBcKBdbCBdKBIBPBmVBSBbBBjgWBchJBgqKBoxDBcewGB";
/// `str.isprintable`: not Cc, Cf, Cs, Co, Cn, Zl, Zp, nor Zs other than space (700 ranges).
const PRINTABLE: &str = "\
    bGdRbIMBbbMCGEHBBBUBpHBbMCbYCDBcDIbBEGRWBhKBbWCcHCdXOcHCbXCPBbCCBBLFbFJcWBgFBICCCWBHBBDECJCCCEIBECBFCZCDBGECCWBH\
    BCBCBCCBBFECCDDBHEBBHRKDBJBDBWBHBCBFCKBDBDCBPECMHHBDBICCCWBHBCBFCJCCCDHDECBFCSKCBGDDBEDCBBBCDCDDDMEFDDBECBGBOVFN\
    BDBXBQCJBDBEHCBDCBCECKHWBDBXBKBFCJBDBEHCGCBECKBCNNBDBbZBDBGEQCbABDBSDYBJBBCHDBEGBBBIGKCDMcGEbDbLCBBBFBYBBBXCFBBB\
    GCKCEbGcUBbKEbNBbKBPBNbLhQBBFBCoNBECHBBBECbPBECbHBECHBBBECPBcFBECcPCbGDbAGdICGCyQBbCDdLHWJYJUMNBDBCMdQCKGKGOBLGd\
    LHbRFcSKbFBMEMEBDbQCFLbSEbAGLDcKCcNBbDCLGKGOCbFbXcZDbVBeMIcIDPDcIHbRCLIbRFuOCGCbMCGCIBBBBBBBbFCcBBPBOCGBTCDBJRYI\
    bVRCCbBBNDbHPbHPfKEzNZLVcrSCbGBnLFbTBBFBCcEHCOYJHBHBHBHBHBHBHBHBeWbIbABdLMiGbAMFcLBdICdZFbRBdQBdGMbVBbriRDcDJnKU\
    hCIhVFCBBBFYcHDKGcEIcSIMGeMLbEDdABLEbHBcDJOCKCdZYbCKGCGCGJHBHBcIEeWCKGqnSMXEbXmnCoCCeCbMHMFFbABFBBBCBCBeVQrDCcCH\
    BbGbQGbZBTBEEFBfFEhIDGCGCGCDDHBHNCCMBbABTBCBPCObIeTFDEbTDdKBNDBbVbUfAbDDbXPbCEbKJbEFbRFbEBbLEObQgCCKGbKEbKEbOIcA\
    LMBPBHBCBLBPBHBCcPlZJWKIYGBbQBJcRGCBBbSBCDBCXBcUIJbWTBCFbHDbBFBcMcEEUCbYBCFIBDBbDCDEKHJHcMbGbNEMJcCDbDCbBFbAHEMH\
    dCcVcDbZNbZHbUIKlIbFBbQBDCCdAbOIbQWbAbMbCUXJdAEbKJcKBFNZHKGcBBSIbNJdSBULSBbScNHBBBEBPBLGcHFKGEBICCCWBHBCBFBKCCCD\
    CBGBFHCHDFfJdOBFbEcUIKgKcCCbMbIcRLKGNTcGGKcCbBCPEXhDcIdWdFMICBCIBCBbEBCCMJKcSICbUCLbBcUIdFNcVkDJBbTBOKbDDbGCWBOc\
    VHBCBbSDBBCBJIKGGBCBbLBCBGHKlYZhBBPbYNbjNdYeHBFLhOdxKdVNbpFfzTwLmuBvXHbFBKEdDBKGbECGKcSKKBHBVFTbaMdNdXcXEcFHRcMF\
    LCOjcAIbvQbQJnfREBHBCBlFbTDREIpGdkUeDFNDJHKCEgyYbUCXJeMcIjMKbNCcWIeIVcSfYUMdJJZfFdHBcTBCCBCCCEBMBBBHBcNBECIBHBbC\
    BEBFBBDHBnCClGCbbAPFBPbqMbFiRHBRCHBCBFiFbTDOCKECmIbFRcGFBbwAHBEBCBPBhPCQbPcYEKECbeFcQcYcJhMEBbBBCBBCBBKBEBBBBGBE\
    BBBBBBDBCBBCBBBBBBBBBBCBBCEBHBEBEBBBKBRFDBFBRcACkKbSEdWMPCPBPBbLKgScEbDNbSEJHCOGfYblWFQDNDeMMdLHMEBPMEcEIKGbOIbE\
    CCdAnCMOCFDFDHJbDDLFGKKGIIHJfRBcDbLKbnQclfCbGgdTHiOCinQOlbLepJuWcfYhhZbotmRjG";
/// XID_Start (and `_`) characters that are not alphabetic (16 ranges).
const ID_START_NOT_ALPHA: &str = "\
    dRBioCDpOCdgJBVBbXbJCEfmSBZJODbsyLKbifGcBrSBIBfEFmeSeH";
/// Alphabetic characters that are not XID_Start (15 ranges).
const ALPHA_NOT_ID_START: &str = "\
    biGBebOBeXBlxZBdacCGpQCeMBBBBBBBBBBBBBBBlBC";
/// XID_Continue characters that are not XID_Start (362 ranges).
const ID_CONTINUE_EXTRA: &str = "\
    bWKeVBwMeIXBjRFkFbTBBBCBCBBcULbWbFGBdXHCGCCBECKXBbEbBdNLPKbHJJBYEBJBDBFbRDcIIbQYBbHcCDBSBHKCCKRDcEBBHCCCDJBKCCKO\
    BCDcEBBFECCDDBUMDBLDcEBBIBDBDUCCKKGBDcEBBHCCCDHDKCCKSBcHFDDBEJBOKQFcDBBHBDBEHCLCCKRDcEBBHBDBEHCLCCKQEcDCBHBDBEJB\
    KCCKRDcSBEGBBBIGKCCcJBBIMIBKdJBBKLGCKcKCGKLBBBBBECbXUBCFLBbKJBdWUBKMEEDBDCHDENMBPbbBDJJbjSEbCDbDCbECcMbGJBCKbHDB\
    LfNBeOMEMKKeYLcIFcFKBbDCLGKWOBQbXFbVRLKRJMDbENCKbSObWUIKGKeODBVEBGBCDhQcMwDCTBeTNEBDMeoCDfLBdSbGvIGeBCbsnDKcRBEK\
    bGCdCCkMBDBEBXFEBdFCbYSKKGSNLbCIZNbSEbVOPKLBKKbVOMBICCKbHDbYBBDCCFCBBbPFFCjCIBCCKbdzGBbcJQQQDCYDhKKbLBdQCxHBiSBf\
    TFlHKcaPDBCFEbODEBgJCwBEIKoFCfXLbXEeSDcBPbFLCCKEbTLHBbTKGDbKOBKFCbSBMDbWOIEBMdEMGBgEMFKGEcDCBHCCCDJBKCCHDFhKSJKE\
    BdDUMKiFHCJbBCdERPKdDNIKdFPEKjIPgJKcSGBCCEBBBCMKePHCHDBbCKbOHBEIBJLbUQpPIBIQKcEWBOeSGDBBCBHBBIKbWFBCBFIKmREbcoNK\
    dIKbMFcHHZKbmZBBcDHEdDBLCbdaXCgyZbUCXuWFDGIICHbEEfSDccNbYtScDEbYIBOBWFBPcaIHBRCHBCBFkBHJKnSBcJOcfMHeFHFKhbAKbsvg\
    WjG";

/// Characters whose case folding is not their lowercase (41 ranges).
const FOLDS_UNLIKE_LOWER: &str = "\
    gZBbPBeBBcBBeIBnCBcWBbFBRBNCDCZCDBpLBfiUdICGdfUJuFGCBgVBBBBBBBbPbWCDBCEBBBDDBCEBFCCCKDBCKDBCEBcavBdCbeaIHMF";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_cpython() {
        assert!(is_alpha('é') && !is_alpha('Ⅻ') && !is_alpha('\u{345}'));
        assert!(is_numeric('Ⅻ') && is_numeric('一') && !is_digit('½') && is_digit('²') && !is_decimal('²'));
        assert!(is_decimal('٣') && decimal_value('٣') == Some(3) && decimal_value('𝟗') == Some(9));
        assert!(is_identifier("x\u{301}") && !is_identifier("1a") && is_identifier("_") && !is_identifier(""));
        let fold = |s: &str| {
            s.chars().fold(String::new(), |mut out, c| {
                push_casefold(&mut out, c);
                out
            })
        };
        assert_eq!(fold("Straße ẞ ﬁ ΣΑΣ ᾈ µ ꭰᏸ İ ı"), "strasse ss fi σασ ἀι μ ᎠᏰ i\u{307} ı");
        assert!(!is_printable('\u{a0}') && is_printable('é') && !is_printable('\n'));
    }
}
