import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";

import { ApiError } from "../api";
import { EditorForm, EditorPage, useEditor } from "./editor";
import { TextInput } from "./fields";

afterEach(cleanup);

interface Note {
  id: number;
  version: number;
  title: string;
  jobRole: string;
}

const NOTE: Note = { id: 1, version: 3, title: "Home visit", jobRole: "health visitor 1" };

function NoteEditor({ editable, sent }: { editable: boolean; sent: { version?: number } }) {
  const editor = useEditor({
    record: NOTE,
    formOf: (note: Note | null) => ({ title: note?.title ?? "", jobRole: note?.jobRole ?? "" }),
    fields: { title: "title", job_role: "job-role" },
    editable,
  });
  const submit = editor.submit(
    () =>
      editor.form.title.trim()
        ? { title: editor.form.title }
        : { problems: [{ field: "title", text: "Enter a title" }] },
    async (_checked, version) => {
      sent.version = version;
      throw new ApiError(422, {
        detail: "The note was refused",
        errors: [{ field: "job_role", message: "Name people by their role" }],
      } as ConstructorParameters<typeof ApiError>[1]);
    },
    () => {},
  );
  return (
    <EditorPage
      editor={editor}
      back="Back to the notes"
      backTo="/notes"
      heading="Change a note"
      readOnly={!editable && "You can read this note; only the review's reviewers change it."}
    >
      <EditorForm editor={editor} onSubmit={submit} cancelTo="/notes">
        <TextInput {...editor.field("title")} label="Title" />
        <TextInput {...editor.field("jobRole")} label="Job role" />
      </EditorForm>
    </EditorPage>
  );
}

function renderEditor(editable: boolean) {
  const sent: { version?: number } = {};
  const router = createMemoryRouter([{ path: "/notes/1", element: <NoteEditor editable={editable} sent={sent} /> }], {
    initialEntries: ["/notes/1"],
  });
  render(<RouterProvider router={router} />);
  return sent;
}

describe("the editor's page and form", () => {
  it("binds each field by its name, checks the form, and shows the service's problems on the API's fields", async () => {
    const sent = renderEditor(true);
    expect(screen.getByRole("heading", { level: 1, name: "Change a note" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to the notes" })).toHaveAttribute("href", "/notes");
    const title = screen.getByRole("textbox", { name: "Title" });
    expect(title).toHaveAttribute("id", "title");
    expect(screen.getByRole("textbox", { name: "Job role" })).toHaveAttribute("id", "job-role");

    fireEvent.change(title, { target: { value: " " } });
    fireEvent.click(screen.getByRole("button", { name: "Save the changes" }));
    expect(await screen.findByRole("link", { name: "Enter a title" })).toHaveAttribute("href", "#title");
    expect(sent.version).toBeUndefined();

    fireEvent.change(title, { target: { value: "Second home visit" } });
    fireEvent.click(screen.getByRole("button", { name: "Save the changes" }));
    await waitFor(() => expect(sent.version).toBe(3));
    expect(await screen.findByRole("link", { name: "Name people by their role" })).toHaveAttribute("href", "#job-role");
    expect(screen.getByRole("link", { name: "Cancel" })).toHaveAttribute("href", "/notes");
  });

  it("says so to a person who may only read, with the fields shut and no buttons", () => {
    renderEditor(false);
    expect(screen.getByText("You can read this note; only the review's reviewers change it.")).toHaveClass(
      "govuk-inset-text",
    );
    expect(screen.getByRole("textbox", { name: "Title" })).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Save the changes" })).toBeNull();
  });
});
