/**
 * The support section of an exported graph.py: templates, message rules, set-field conversions
 * and the scripted chat model, the Python twins of src/support.ts (see ts-support.ts). One
 * module keeps `langgraph.json`'s "./graph.py:graph" loadable without packaging.
 * (Kept free of backticks and "${" so it can live in a String.raw literal.)
 */
export const PY_SUPPORT_SECTION = String.raw`# ---- support: templates, message rules and the scripted chat model


def _field(message: Any, name: str, default: Any = None) -> Any:
    if isinstance(message, dict):
        return message.get(name, default)
    return getattr(message, name, default)


def message_text(message: Any) -> str:
    content = _field(message, "content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part if isinstance(part, str) else str(part.get("text", "")) if isinstance(part, dict) else "" for part in content)
    return ""


def message_role(message: Any) -> Optional[str]:
    role = _field(message, "type") or _field(message, "role")
    return {"user": "human", "assistant": "ai"}.get(role, role)


def _tool_calls(message: Any) -> list:
    return list(_field(message, "tool_calls") or [])


def _last(messages: Any) -> Any:
    return messages[-1] if isinstance(messages, list) and messages else None


def calls_tool(messages: Any, tool: str) -> bool:
    return any(call["name"] == tool for call in _tool_calls(_last(messages)))


def has_tool_calls(messages: Any) -> bool:
    return len(_tool_calls(_last(messages))) > 0


def last_message_contains(messages: Any, text: str) -> bool:
    return text.lower() in message_text(_last(messages)).lower()


def last_message_from(messages: Any, role: str, tool: Optional[str] = None) -> bool:
    last = _last(messages)
    return message_role(last) == role and (tool is None or _answered_tool_name(messages, last) == tool)


def _answered_tool_name(messages: list, message: Any) -> Optional[str]:
    if message is None:
        return None
    if _field(message, "name"):
        return _field(message, "name")
    for candidate in reversed(messages):
        for call in _tool_calls(candidate):
            if call.get("id") == _field(message, "tool_call_id"):
                return call["name"]
    return None


def same_json(value: Any, expected: Any) -> bool:
    return _json(value) == _json(expected)


def ai_turns(messages: Any) -> int:
    return sum(1 for message in messages or [] if message_role(message) == "ai")


def pending_tool_call(messages: Any, tool: str) -> Optional[dict]:
    return next((call for call in _tool_calls(_last(messages)) if call["name"] == tool), None)


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)


_PLACEHOLDER = re.compile(r"\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}")


def render_template(template: str, state: Optional[dict] = None, args: Optional[dict] = None, messages_field: str = "messages") -> str:
    """{{last_message}}, {{input}}, {{state.field}}, {{args.name}}; unknown names render as ""."""

    def lookup(path: str) -> Any:
        head, *rest = path.split(".")
        messages = (state or {}).get(messages_field) or []
        if head == "last_message":
            return message_text(messages[-1]) if messages else ""
        if head == "input":
            return message_text(next((m for m in messages if message_role(m) == "human"), None))
        value: Any = state if head == "state" else args if head == "args" else None
        for key in rest:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    def stringify(value: Any) -> str:
        if value is None:
            return ""
        return value if isinstance(value, str) else _json(value)

    return _PLACEHOLDER.sub(lambda match: stringify(lookup(match.group(1))), template)


def to_number(text: str) -> float:
    if text.strip() == "":
        return 0.0
    try:
        return float(text)
    except ValueError:
        return float("nan")


def to_boolean(text: str) -> bool:
    return text.strip().lower() == "true"


def to_list(text: str) -> list:
    value = _parse_json(text)
    return value if isinstance(value, list) else [text]


def to_value(text: str) -> Any:
    value = _parse_json(text)
    return text if value is None else value


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def append_values(current: Optional[list], update: Any) -> list:
    return [*(current or []), *(update if isinstance(update, list) else [update])]


def sum_values(current: Optional[float], update: Any) -> float:
    return (current or 0) + update


def merge_values(current: Optional[dict], update: Optional[dict]) -> dict:
    return {**(current or {}), **(update or {})}


def replace_value(_current: Any, update: Any) -> Any:
    return update


def check_structured_answer(answer: Any, node_id: str, fields: list) -> dict:
    """The update of the output fields, or an error naming the first field that does not fit (as Switchyard's engine)."""

    def fail(field: Optional[str], reason: str) -> ValueError:
        where = f' field "{field}"' if field else ""
        return ValueError(f'llm node "{node_id}": the model\'s structured answer does not fit{where}: {reason}')

    if hasattr(answer, "model_dump"):
        answer = answer.model_dump()
    if not isinstance(answer, dict):
        names = ", ".join(field["name"] for field in fields)
        raise fail(None, f"expected an object with {names}, got {json.dumps(answer)}")
    kinds = {"string": str, "number": (int, float), "boolean": bool}
    update = {}
    for field in fields:
        if field["name"] not in answer:
            raise fail(field["name"], "it is missing")
        value = answer[field["name"]]
        fits = value in field["enum"] if "enum" in field else isinstance(value, kinds[field["type"]]) and not (field["type"] == "number" and isinstance(value, bool))
        if not fits:
            expected = "one of " + ", ".join(json.dumps(item) for item in field["enum"]) if "enum" in field else f'a {field["type"]}'
            raise fail(field["name"], f"{json.dumps(value)} is not {expected}")
        update[field["name"]] = value
    return update


class ScriptedChatModel(BaseChatModel):
    """An offline, deterministic chat model: it answers with the first scripted reply whose rule holds."""

    replies: list
    state: dict
    messages_field: str = "messages"

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def bind_tools(self, tools: Any, **kwargs: Any) -> "ScriptedChatModel":
        return self  # the replies are canned: the tools' schemas are not needed

    def with_structured_output(self, schema: Any, **kwargs: Any) -> Any:
        """A scripted reply's structured answer is its "output" (string values are templates)."""
        from langchain_core.runnables import RunnableLambda

        def answer(_messages: Any) -> Any:
            chosen = next((reply for reply in self.replies if reply.get("when") is None or reply["when"](self.state)), None)
            output = None if chosen is None else chosen.get("output")
            if output is None:
                return None
            scope = {"state": self.state, "messages_field": self.messages_field}
            return {key: render_template(value, **scope) if isinstance(value, str) else value for key, value in output.items()}

        return RunnableLambda(answer)

    def _generate(self, messages: list, stop: Any = None, run_manager: Any = None, **kwargs: Any) -> ChatResult:
        chosen = next((reply for reply in self.replies if reply.get("when") is None or reply["when"](self.state)), None)
        if chosen is None:
            message = AIMessage(content="", id=str(uuid.uuid4()))
        else:
            scope = {"state": self.state, "messages_field": self.messages_field}
            message = AIMessage(
                id=str(uuid.uuid4()),
                content=render_template(chosen["content"], **scope),
                tool_calls=[
                    {
                        "name": call["name"],
                        "args": {key: render_template(value, **scope) for key, value in call["args"].items()},
                        "id": "call_" + uuid.uuid4().hex[:24],
                        "type": "tool_call",
                    }
                    for call in chosen["tool_calls"]
                ],
            )
        return ChatResult(generations=[ChatGeneration(message=message)])
`;
