//! Random tokens from the operating system: unsubscribe tokens, salts, Message-IDs,
//! probes. A leaf room: it imports nothing of Tandem.

/// 128 random bits from the operating system, as hex: unsubscribe tokens and salts.
pub fn os_random_token() -> String {
    // Imports ask for one token per row: the OS is asked for 256 at a time.
    thread_local! {
        static POOL: std::cell::RefCell<(Vec<u8>, usize)> = const { std::cell::RefCell::new((Vec::new(), 0)) };
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    POOL.with(|pool| {
        let (bytes, used) = &mut *pool.borrow_mut();
        if *used + 16 > bytes.len() {
            bytes.resize(4096, 0);
            getrandom::fill(bytes).expect("the OS random source is available");
            *used = 0;
        }
        let mut token = String::with_capacity(32);
        for b in &bytes[*used..*used + 16] {
            token.push(HEX[usize::from(b >> 4)] as char);
            token.push(HEX[usize::from(b & 15)] as char);
        }
        *used += 16;
        token
    })
}

#[cfg(test)]
mod tests {
    use super::os_random_token;

    #[test]
    fn tokens_are_32_lower_hex_digits_and_distinct_across_pool_refills() {
        let tokens: std::collections::HashSet<String> =
            (0..1000).map(|_| os_random_token()).collect();
        assert_eq!(tokens.len(), 1000);
        assert!(tokens.iter().all(|t| t.len() == 32
            && t.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))));
    }
}
