//! What a `<MeetEmbed>` joins with and keeps between joins, and the way from its grant
//! source to the iframe `src`: fetch ([`GrantSource`]), check against the rules of the
//! moment (the core's [`GrantRules`]), build ([`Grant::src`](crate::Grant::src)).

use crate::grant_source::{GrantBody, GrantSource};
use crate::timer::now_secs;
use crate::{GrantError, GrantRules, MeetError, MeetOptions, MeetingSrc, MeetingUrlError};

/// Everything a join is made with, read from the props when it starts. A running
/// meeting whose props now read otherwise has "settings changed".
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct JoinWith {
    /// The `endpoint` prop.
    pub endpoint: Option<String>,
    /// The `request_body` prop.
    pub body: Option<String>,
    /// The `grant_source` prop (compared by identity).
    pub source: Option<GrantSource>,
    /// The `options` prop: names and imMail's options.
    pub options: MeetOptions,
}

impl JoinWith {
    /// The grant source to ask: the custom one, else the endpoint with its body.
    fn grant_source(&self) -> Option<GrantSource> {
        self.source.clone().or_else(|| {
            let body = self.body.clone().map(GrantBody::from);
            self.endpoint
                .clone()
                .map(|url| GrantSource::endpoint_with_body(url, body))
        })
    }
}

/// What a `<MeetEmbed>` keeps between joins.
#[derive(Default)]
pub(crate) struct Joins {
    /// Bumped by every join, leave and unmount: an answer for an older join is dropped.
    pub generation: u64,
    /// What the running meeting was joined with.
    pub joined_with: Option<JoinWith>,
}

impl Joins {
    /// Starts a join: its generation.
    pub fn next(&mut self) -> u64 {
        self.generation += 1;
        self.joined_with = None;
        self.generation
    }
}

/// Fetches a grant, checks it against the rules of the moment the answer arrives
/// (fetching once more if it had expired) and builds the iframe `src`; with the role
/// the grant states.
pub(crate) async fn obtain(
    join: &JoinWith,
    rules: impl Fn() -> Result<GrantRules, MeetError>,
    timeout_ms: u32,
) -> Result<(MeetingSrc, Option<bool>), MeetError> {
    let source = join.grant_source().ok_or(MeetError::NoGrantSource)?;
    join.options.check()?;
    let mut refetched = false;
    loop {
        let answer = source.fetch(timeout_ms).await?;
        match rules()?.validate(answer, now_secs()) {
            Err(MeetError::Grant(GrantError::Expired)) if !refetched => refetched = true,
            Err(error) => return Err(error),
            Ok(grant) => return Ok((grant.src(&join.options)?, grant.moderator())),
        }
    }
}

/// Whether a join failed only because the allowed hosts did not hold its meeting URL
/// (or the `meeting_base`): a change of `allowed_hosts` (or `meeting_base`) may let it
/// through.
pub(crate) fn refused_by_hosts(error: &MeetError) -> bool {
    matches!(
        error,
        MeetError::Grant(GrantError::MeetingUrl(
            MeetingUrlError::HostNotAllowed { .. }
        )) | MeetError::Rules(MeetingUrlError::HostNotAllowed { .. })
    )
}
