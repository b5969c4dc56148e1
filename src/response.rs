//! The header that every API response carries, and turning it into a `Result`.

use core::fmt;

/// A whole API response, seen only through its header: every other field is ignored, so
/// this reads the response of any API.
///
/// `M` is the type of the server's message: `String` with `std`, or any type that
/// deserializes from a string (a `&str` borrowed from the input works when the message has
/// no escapes).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Response<M> {
    /// The response's `header` object.
    pub header: ResponseHeader<M>,
}

/// The `header` object of an API response:
/// `{"isSuccessful": false, "resultCode": 4000101, "resultMessage": "…"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ResponseHeader<M> {
    /// Whether the call succeeded (`isSuccessful`).
    pub is_successful: bool,
    /// The raw result code (`resultCode`).
    pub result_code: i32,
    /// The server's own message (`resultMessage`).
    pub result_message: M,
}

impl<M> ResponseHeader<M> {
    /// `Ok(())` when the call succeeded; otherwise an [`ApiError`] with the result code typed
    /// as `C`, a service's `ErrorCode`, which keeps a code its documents do not list whole.
    ///
    /// Success is what `isSuccessful` says, whatever the code.
    ///
    /// # Errors
    ///
    /// Returns the [`ApiError`] of a header whose `isSuccessful` is false.
    pub fn into_result<C: From<i32>>(self) -> Result<(), ApiError<C, M>> {
        if self.is_successful {
            return Ok(());
        }
        Err(ApiError {
            code: C::from(self.result_code),
            raw_code: self.result_code,
            message: self.result_message,
        })
    }
}

/// A failed call: the service's typed code, the raw code and the server's own message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ApiError<C, M> {
    code: C,
    raw_code: i32,
    message: M,
}

impl<C, M> ApiError<C, M> {
    /// The result code, typed: match it against the service's named codes.
    pub fn code(&self) -> C
    where
        C: Copy,
    {
        self.code
    }

    /// The result code exactly as the server sent it.
    pub fn raw_code(&self) -> i32 {
        self.raw_code
    }

    /// The server's own message, which may say more than the documented one.
    pub fn message(&self) -> &M {
        &self.message
    }

    /// The server's own message, taken out of the error.
    pub fn into_message(self) -> M {
        self.message
    }
}

impl<C, M: fmt::Display> fmt::Display for ApiError<C, M> {
    /// `result code 4000101: Invalid business registration format.`, with the server's
    /// message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "result code {}: {}", self.raw_code, self.message)
    }
}

impl<C: fmt::Debug, M: fmt::Debug + fmt::Display> core::error::Error for ApiError<C, M> {}
