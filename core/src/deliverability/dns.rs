//! The lookups of the deliverability checks, through hickory-resolver: the system's
//! resolver settings, or — with `TANDEM_DNS=IP:PORT` — every lookup to that server (the
//! tests' own authoritative server on 127.0.0.1; link hosts included).

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use hickory_resolver::config::{NameServerConfig, ResolverConfig, ResolverOpts};
use hickory_resolver::name_server::TokioConnectionProvider;
use hickory_resolver::proto::rr::{RData, RecordType};
use hickory_resolver::proto::xfer::Protocol;
use hickory_resolver::{ResolveError, Resolver};

/// The environment variable that sends every lookup to one server.
pub const DNS_ENV: &str = "TANDEM_DNS";

/// Why a lookup gave nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DnsError {
    /// The name exists with no record of that type, or does not exist (NXDOMAIN).
    #[error("no such record")]
    NotFound,
    /// No answer could be had (a timeout, a server failure, no network).
    #[error("the DNS lookup failed: {0}")]
    Failed(String),
}

impl From<ResolveError> for DnsError {
    fn from(e: ResolveError) -> Self {
        if e.is_no_records_found() || e.is_nx_domain() {
            DnsError::NotFound
        } else {
            DnsError::Failed(e.to_string())
        }
    }
}

/// A resolver and the small runtime its lookups run on (the checks are synchronous).
#[derive(Debug)]
pub struct Dns {
    resolver: Resolver<TokioConnectionProvider>,
    runtime: tokio::runtime::Runtime,
    pinned: bool,
}

/// The one server `TANDEM_DNS` sends every lookup to, if it is set.
pub(super) fn pinned_server() -> Result<Option<SocketAddr>, DnsError> {
    match std::env::var(DNS_ENV) {
        Ok(addr) if !addr.trim().is_empty() => addr
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| DnsError::Failed(format!("{DNS_ENV} is not IP:PORT: {addr}"))),
        _ => Ok(None),
    }
}

impl Dns {
    /// `TANDEM_DNS` when set, else the system's settings.
    pub fn from_env() -> Result<Dns, DnsError> {
        match pinned_server()? {
            Some(addr) => Dns::at(addr),
            None => Dns::system(),
        }
    }

    /// Every lookup goes to one server (`TANDEM_DNS`): the link checks use it too.
    pub fn is_pinned(&self) -> bool {
        self.pinned
    }

    /// The system's resolver settings (`/etc/resolv.conf`, the Windows registry).
    pub fn system() -> Result<Dns, DnsError> {
        let runtime = runtime()?;
        let builder = {
            let _guard = runtime.enter();
            Resolver::builder_tokio().map_err(|e| DnsError::Failed(e.to_string()))?
        };
        let resolver = builder.with_options(options()).build();
        Ok(Dns {
            resolver,
            runtime,
            pinned: false,
        })
    }

    /// Every lookup to the server at `addr` (UDP, and TCP for long answers).
    pub fn at(addr: SocketAddr) -> Result<Dns, DnsError> {
        let mut config = ResolverConfig::new();
        config.add_name_server(NameServerConfig::new(addr, Protocol::Udp));
        config.add_name_server(NameServerConfig::new(addr, Protocol::Tcp));
        let runtime = runtime()?;
        let resolver = Resolver::builder_with_config(config, TokioConnectionProvider::default())
            .with_options(options())
            .build();
        Ok(Dns {
            resolver,
            runtime,
            pinned: true,
        })
    }

    /// The TXT records of `name`, each one's strings joined (RFC 7208 §3.3), in the
    /// order given.
    pub fn txt(&self, name: &str) -> Result<Vec<String>, DnsError> {
        let lookup = self
            .runtime
            .block_on(self.resolver.txt_lookup(fqdn(name)))?;
        Ok(lookup
            .iter()
            .map(|txt| {
                txt.txt_data()
                    .iter()
                    .map(|s| String::from_utf8_lossy(s).into_owned())
                    .collect::<String>()
            })
            .collect())
    }

    /// The MX hosts of `name`, by preference (lowest first), without the final dot.
    pub fn mx(&self, name: &str) -> Result<Vec<(u16, String)>, DnsError> {
        let lookup = self.runtime.block_on(self.resolver.mx_lookup(fqdn(name)))?;
        let mut out: Vec<(u16, String)> = lookup
            .iter()
            .map(|mx| {
                (
                    mx.preference(),
                    mx.exchange().to_utf8().trim_end_matches('.').to_owned(),
                )
            })
            .collect();
        out.sort();
        Ok(out)
    }

    /// Where `name` is a CNAME to, if it is one.
    pub fn cname(&self, name: &str) -> Result<Option<String>, DnsError> {
        match self
            .runtime
            .block_on(self.resolver.lookup(fqdn(name), RecordType::CNAME))
        {
            Ok(lookup) => Ok(lookup.iter().find_map(|r| match r {
                RData::CNAME(c) => Some(c.0.to_utf8().trim_end_matches('.').to_owned()),
                _ => None,
            })),
            Err(e) => match DnsError::from(e) {
                DnsError::NotFound => Ok(None),
                other => Err(other),
            },
        }
    }

    /// The addresses of `host` (A and AAAA).
    pub fn ips(&self, host: &str) -> Result<Vec<IpAddr>, DnsError> {
        if let Ok(ip) = host.parse::<IpAddr>() {
            return Ok(vec![ip]);
        }
        let lookup = self.runtime.block_on(self.resolver.lookup_ip(fqdn(host)))?;
        Ok(lookup.iter().collect())
    }
}

fn fqdn(name: &str) -> String {
    let name = name.trim().trim_end_matches('.');
    format!("{name}.")
}

fn options() -> ResolverOpts {
    let mut opts = ResolverOpts::default();
    opts.timeout = Duration::from_secs(3);
    opts.attempts = 2;
    opts.edns0 = true;
    opts
}

/// A small runtime for lookups made from synchronous code.
pub(super) fn runtime() -> Result<tokio::runtime::Runtime, DnsError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| DnsError::Failed(e.to_string()))
}
