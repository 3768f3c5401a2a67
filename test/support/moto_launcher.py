"""Start moto's server (same as `python -m moto.server -H 127.0.0.1 -p PORT`) after patching two moto bugs
that break its IAM-enforcing mode (POST /moto-api/reset-auth "0", or INITIAL_NO_AUTH_ACTION_COUNT):

1. Unsigned AssumeRoleWithWebIdentity / AssumeRoleWithSAML (as every SDK sends them) answer 500, because the
   authenticator reads a missing Authorization header. Real STS does not authenticate these two actions, so we
   let them through unchecked.
2. SigV4 verification rebuilds the canonical request from Werkzeug's *decoded* request.url, so any path or
   query containing characters the client percent-encoded (S3 keys with spaces, ':', '+', Terraform's
   `prefix=env:/`) fails with SignatureDoesNotMatch. We hand the verifier the path and query exactly as they
   were sent on the wire (the WSGI RAW_URI).

Both patches use moto internals (ActionAuthenticatorMixin._authenticate_and_authorize_action and
IAMRequestBase.__init__(..., path=...)); checked against moto 5.2.1. If those internals are missing or have
changed shape, this script exits with status 3 and says why instead of running an unpatched server.
"""

import inspect
import os
import sys
import threading
from urllib.parse import parse_qsl, unquote, urlsplit

UNSIGNED_STS_ACTIONS = {"AssumeRoleWithWebIdentity", "AssumeRoleWithSAML"}


def die(msg: str) -> None:
    sys.stderr.write(f"moto_launcher: cannot patch moto: {msg}\n")
    sys.exit(3)


try:
    import moto
    from moto import settings
    from moto.iam.access_control import IAMRequestBase

    try:
        from moto.core.authorization import ActionAuthenticatorMixin
    except ImportError:  # older layout: the mixin lived in moto.core.responses
        from moto.core.responses import ActionAuthenticatorMixin  # type: ignore[no-redef]
    import moto.server
except ImportError as e:
    die(f"import failed ({e}); is moto[server] installed for {sys.executable}?")

# ---- check that the internals we rely on are still there and shaped as expected ----
orig_authenticate = getattr(ActionAuthenticatorMixin, "_authenticate_and_authorize_action", None)
if orig_authenticate is None:
    die("ActionAuthenticatorMixin._authenticate_and_authorize_action is missing")
if list(inspect.signature(orig_authenticate).parameters)[:3] != ["self", "iam_request_cls", "resource"]:
    die(f"unexpected signature of _authenticate_and_authorize_action: {inspect.signature(orig_authenticate)}")
try:
    auth_src = inspect.getsource(orig_authenticate)
except (OSError, TypeError) as e:
    die(f"cannot read the source of _authenticate_and_authorize_action: {e}")
if "path=path" not in auth_src or "INITIAL_NO_AUTH_ACTION_COUNT" not in auth_src:
    die("_authenticate_and_authorize_action no longer passes path=... to the IAM request or no longer reads INITIAL_NO_AUTH_ACTION_COUNT")
if not hasattr(ActionAuthenticatorMixin, "request_count") or not hasattr(settings, "INITIAL_NO_AUTH_ACTION_COUNT"):
    die("ActionAuthenticatorMixin.request_count or settings.INITIAL_NO_AUTH_ACTION_COUNT is missing")
orig_init = IAMRequestBase.__init__
if "path" not in inspect.signature(orig_init).parameters:
    die(f"IAMRequestBase.__init__ has no 'path' parameter: {inspect.signature(orig_init)}")
if not hasattr(moto.server, "main"):
    die("moto.server.main is missing")


# ---- patch 1: unsigned web-identity / SAML role assumption passes in enforcing mode ----
def _authenticate_and_authorize_action(self, iam_request_cls, resource="*"):
    enforcing = ActionAuthenticatorMixin.request_count >= settings.INITIAL_NO_AUTH_ACTION_COUNT
    if enforcing and type(self).__module__.startswith("moto.sts") and "Authorization" not in self.headers:
        try:
            action = self._get_action()
        except Exception:
            action = None
        if action in UNSIGNED_STS_ACTIONS:
            return
    return orig_authenticate(self, iam_request_cls, resource)


# ---- patch 2: verify SigV4 against the path and query as sent ----
def _raw_path_for(decoded: str) -> str:
    try:
        from flask import has_request_context, request
    except ImportError:
        return decoded
    if not has_request_context():
        return decoded
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI")
    if not raw:
        return decoded
    parts = urlsplit(raw)  # copes with absolute-form request targets too
    raw_path = parts.path or "/"
    if not raw_path.startswith("/"):
        raw_path = "/" + raw_path
    # Only substitute when both name the same resource; otherwise moto rewrote the URL on purpose.
    dec_path, _, dec_query = decoded.partition("?")
    if unquote(raw_path) != unquote(dec_path):
        return decoded
    if parse_qsl(parts.query, keep_blank_values=True) != parse_qsl(dec_query, keep_blank_values=True):
        return decoded
    return raw_path + ("?" + parts.query if parts.query else "")


def _iam_request_init(self, *args, **kwargs):
    if isinstance(kwargs.get("path"), str):
        kwargs["path"] = _raw_path_for(kwargs["path"])
    return orig_init(self, *args, **kwargs)


ActionAuthenticatorMixin._authenticate_and_authorize_action = _authenticate_and_authorize_action
IAMRequestBase.__init__ = _iam_request_init


def _exit_when_stdin_closes() -> None:
    """The node side holds our stdin open; when it goes away (even by SIGKILL) we read EOF and leave."""
    try:
        while os.read(0, 4096):  # raw fd: no buffer lock to trip interpreter shutdown
            pass
    finally:
        os._exit(0)


if __name__ == "__main__":
    if os.environ.get("TGO_MOTO_EXIT_ON_STDIN_EOF") == "1":
        threading.Thread(target=_exit_when_stdin_closes, name="parent-watch", daemon=True).start()
    sys.stderr.write(f"moto_launcher: moto {getattr(moto, '__version__', '?')} patched\n")
    moto.server.main(sys.argv[1:])
