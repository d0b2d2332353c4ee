/** The page's routes for the reports' Python apps (every /api/ call answers JSON). */
export const FASTAPI_ROUTES = `

@app.api_route("/api/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
async def api(path: str, request: Request):
    if path == "fail":
        return JSONResponse({"error": "boom"}, status_code=500)
    if request.method == "DELETE":
        return Response(status_code=204)
    return JSONResponse({"ok": True}, status_code=201 if request.method == "POST" else 200)
`;

export const FLASK_ROUTES = `

@app.route("/api/<path:path>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def api(path):
    if path == "fail":
        return jsonify(error="boom"), 500
    if request.method == "DELETE":
        return "", 204
    return jsonify(ok=True), 201 if request.method == "POST" else 200
`;

export const FLASK_RUN = `

app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;
